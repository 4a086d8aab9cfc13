package cz.spojka.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: append-only JSON Lines files under {@code <data-dir>/audit/} ({@link AuditFiles}), each entry chained
 * to the one before by its hash ({@link AuditEntry}). One writer: {@link #record} appends under a lock, writes each
 * entry whole and (with {@code force}) forces it to disk before it returns. Entries are never rewritten; the only
 * change the hub makes to a file is, at start-up, to cut off a line it did not finish when it stopped, and it records
 * that as an entry of its own. Each start adds an entry {@code audit.open} naming the last entry found on disk.
 */
public final class AuditLog implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /**
     * Free space below which the log counts as not writable, so that a full disk refuses the next audited request
     * before it runs rather than after (an entry is a few hundred bytes).
     */
    static final long MIN_FREE_BYTES = 1 << 20;

    /** Where the chain ends now: the last entry, and how far the current file is written. */
    record Head(long seq, String hash, Path file, long length) {}

    private final AuditFiles files;
    private final long fileSize;
    private final boolean force;
    private long seq;
    private String hash;
    private Path current;
    private FileChannel channel;
    /** Why the log cannot be written, null while it can; since when, and the requests refused meanwhile. */
    private String failure;

    private Instant failedSince;
    private long refusedMeanwhile;

    private AuditLog(AuditFiles files, long fileSize, boolean force) {
        this.files = files;
        this.fileSize = fileSize;
        this.force = force;
    }

    /**
     * Opens the log in {@code dir} and continues its chain; a partial line at its end is cut off and recorded.
     *
     * @param fileSize a file this large is closed and the next entry starts a new one
     * @param force force every entry to disk as it is written
     */
    public static AuditLog open(Path dir, long fileSize, boolean force) {
        AuditLog auditLog = new AuditLog(new AuditFiles(dir), fileSize, force);
        try {
            Files.createDirectories(dir);
            auditLog.continueChain();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log in " + dir, e);
        }
        return auditLog;
    }

    private void continueChain() throws IOException {
        List<Path> existing = files.files();
        long cut = existing.isEmpty() ? 0 : AuditFiles.cutPartialLine(existing.get(existing.size() - 1));
        String last = files.lastLine().orElse(null);
        if (last == null) {
            seq = 0;
            hash = AuditEntry.GENESIS;
        } else {
            AuditEntry entry;
            try {
                entry = AuditEntry.parse(last);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The audit log's last line is not an entry, so its chain cannot go"
                        + " on: " + files.dir() + ". Check it with GET /api/audit/verify on a copy, or java -jar"
                        + " spojka.jar audit verify <file>; " + e.getOriginalMessage());
            }
            seq = entry.seq();
            hash = entry.hash();
        }
        if (!existing.isEmpty()) {
            current = existing.get(existing.size() - 1);
            channel = FileChannel.open(current, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        if (cut > 0) {
            String file = current.getFileName().toString();
            log.warn(
                    "The audit log's last line was not finished (the hub stopped while writing it): {} bytes cut off"
                            + " {}",
                    cut,
                    file);
            write(hubEvent(
                    "audit.repair",
                    file,
                    AuditEvent.REPAIRED,
                    "cut off " + cut + " bytes of an entry the hub did not finish writing when it stopped"));
        }
        opened(files.dir(), seq, hash);
    }

    /**
     * Notes where the chain on disk ended at this start, as an entry and in the application log: an anchor kept
     * outside the log (the application log shipped elsewhere), so that entries cut off its end later are detected.
     */
    private void opened(Path dir, long lastSeq, String lastHash) {
        log.info("Audit log {} opened: the chain on disk ends at entry {} with the hash {}", dir, lastSeq, lastHash);
        write(hubEvent(
                "audit.open",
                null,
                AuditEvent.OPENED,
                "the hub started; the log on disk ended at entry " + lastSeq + " with the hash " + lastHash));
    }

    private static AuditEvent hubEvent(String action, String target, String outcome, String detail) {
        return new AuditEvent("hub", null, null, null, null, null, action, target, null, outcome, null, detail);
    }

    /**
     * Appends {@code event} as the next entry of the chain.
     *
     * @throws AuditUnavailable when the log cannot be written (nothing was written)
     */
    public synchronized AuditEntry record(AuditEvent event) {
        ensureWritable();
        return write(event);
    }

    /**
     * Checks, before a request whose entry the log must hold runs, that the entry can be written: the log's file
     * system has {@link #MIN_FREE_BYTES} free, and the last write did not fail, or writing works again (the log then
     * records that it resumes, and how many requests it refused meanwhile).
     *
     * @throws AuditUnavailable when it cannot, with the reason; the request is then refused
     */
    public synchronized void ensureWritable() {
        String problem = problem();
        if (problem != null) {
            refusedMeanwhile++;
            throw new AuditUnavailable(problem);
        }
    }

    /** Why the log cannot be written now, null when it can; tries to resume a log that failed. */
    synchronized String problem() {
        String lowSpace = lowSpace();
        if (lowSpace != null) {
            failed(lowSpace);
            return failure;
        }
        if (failure != null) {
            try {
                write(resumed());
            } catch (AuditUnavailable e) {
                return failure;
            }
            log.info("The audit log is written again after it failed at {}", failedSince);
            failure = null;
            refusedMeanwhile = 0;
        }
        return null;
    }

    private String lowSpace() {
        try {
            long free = Files.getFileStore(files.dir()).getUsableSpace();
            return free < MIN_FREE_BYTES
                    ? "only " + free + " bytes free on its file system, less than " + MIN_FREE_BYTES
                    : null;
        } catch (IOException e) {
            return "its file system cannot be read: " + e;
        }
    }

    private AuditEvent resumed() {
        return hubEvent(
                "audit.resume",
                null,
                AuditEvent.REPAIRED,
                "the log could not be written from " + failedSince + " (" + failure + "); " + refusedMeanwhile
                        + " requests that must be recorded were refused with 503 meanwhile");
    }

    private void failed(String reason) {
        if (failure == null) {
            failedSince = Instant.now();
            log.error("The audit log {} cannot be written, audited requests are refused: {}", files.dir(), reason);
        }
        failure = reason;
    }

    private AuditEntry write(AuditEvent event) {
        AuditEntry entry = AuditEntry.chained(seq + 1, Instant.now().toString(), event, hash);
        ByteBuffer line = ByteBuffer.wrap((entry.line() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            if (channel == null || channel.size() >= fileSize) {
                startFile(entry.seq());
            }
            append(line);
        } catch (IOException e) {
            failed("writing " + current + " failed: " + e);
            throw new AuditUnavailable(failure);
        }
        seq = entry.seq();
        hash = entry.hash();
        return entry;
    }

    /**
     * Starts the file of the entry {@code firstSeq}: the new file is opened before the current one is closed, so
     * that a failure (a full disk, no file handles left, a file of that name already there) leaves the log writing
     * on in the current file, and the next entry tries again.
     */
    private void startFile(long firstSeq) throws IOException {
        Path next = files.file(firstSeq);
        FileChannel opened;
        try {
            opened = FileChannel.open(
                    next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            if (channel == null) {
                throw e;
            }
            log.warn("The audit log could not start the file {}, it goes on in {}: {}", next, current, e.toString());
            return;
        }
        if (channel != null) {
            channel.close();
        }
        current = next;
        channel = opened;
    }

    /** Writes the whole line, or (on a failure such as a full disk) nothing: the next entry starts a clean line. */
    private void append(ByteBuffer line) throws IOException {
        long before = channel.size();
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            channel.truncate(before);
            throw e;
        }
    }

    synchronized Head head() {
        try {
            return new Head(seq, hash, current, channel == null ? 0 : channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + current, e);
        }
    }

    /**
     * The entries after {@code afterSeq} that {@code filter} accepts, oldest first, at most {@code limit} of them.
     * Lines that are not entries are skipped ({@link #verify} names them).
     */
    public List<AuditEntry> entries(long afterSeq, Predicate<AuditEntry> filter, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        lines(afterSeq, (line, where) -> {
            try {
                AuditEntry entry = AuditEntry.parse(line);
                if (entry.seq() > afterSeq && filter.test(entry)) {
                    found.add(entry);
                }
            } catch (JsonProcessingException e) {
                log.debug("{} is not an audit entry", where);
            }
            return found.size() < limit;
        });
        return found;
    }

    /** Passes the log's lines as they were written, from the file holding the entry after {@code afterSeq}. */
    public void lines(long afterSeq, BiPredicate<String, String> visitor) {
        files.visit(afterSeq, head(), visitor);
    }

    /** Checks the whole chain from its first entry. */
    public AuditChain.Verification verify() {
        AuditChain chain = AuditChain.fromGenesis();
        lines(0, chain::accept);
        return chain.result();
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
