package cz.spojka.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * The audit log's files in {@code <data-dir>/audit/}: {@code audit-<first entry's number>.jsonl}, twelve digits, so
 * that their names sort in the order of the chain and a reader looking for the entries after a number skips the files
 * before it. Each line is one entry ({@link AuditEntry}) ended by a line feed.
 */
final class AuditFiles {

    private static final Pattern NAME = Pattern.compile("audit-(\\d{12})\\.jsonl");
    private static final int TAIL_BLOCK = 8192;

    private final Path dir;

    AuditFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path file(long firstSeq) {
        return dir.resolve(String.format("audit-%012d.jsonl", firstSeq));
    }

    /** The files in the order of the chain. */
    List<Path> files() {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the audit log " + dir, e);
        }
    }

    private static long firstSeq(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * Passes the lines of the log to {@code visitor} (the line and where it is, {@code "line N of <file>"}) until it
     * answers false, starting with the file that holds the entry after {@code afterSeq} and ending at {@code head}:
     * the current file is read only as far as it was written when the head was taken, never into a line being
     * written.
     */
    void visit(long afterSeq, AuditLog.Head head, BiPredicate<String, String> visitor) {
        if (head.file() == null) {
            return;
        }
        List<Path> files = files();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            boolean last = file.equals(head.file());
            boolean skip = i + 1 < files.size() && firstSeq(files.get(i + 1)) <= afterSeq + 1;
            if (!skip && !visitFile(file, last ? head.length() : Long.MAX_VALUE, visitor)) {
                return;
            }
            if (last) {
                return;
            }
        }
    }

    private static boolean visitFile(Path file, long length, BiPredicate<String, String> visitor) {
        try (InputStream in = BoundedInputStream.builder()
                        .setInputStream(Files.newInputStream(file))
                        .setMaxCount(length)
                        .get();
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!visitor.test(line, "line " + number + " of " + file.getFileName())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log file " + file, e);
        }
    }

    /**
     * Cuts a line the hub did not finish (it stopped while writing it) off the end of {@code file}.
     *
     * @return the bytes removed
     */
    static long cutPartialLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long end = endOfLastCompleteLine(channel, size);
            if (end < size) {
                channel.truncate(end);
                channel.force(true);
            }
            return size - end;
        }
    }

    /** The last complete line of the log (after any partial one was cut), if it has an entry. */
    Optional<String> lastLine() throws IOException {
        List<Path> files = new ArrayList<>(files());
        for (int i = files.size() - 1; i >= 0; i--) {
            try (FileChannel channel = FileChannel.open(files.get(i), StandardOpenOption.READ)) {
                long end = endOfLastCompleteLine(channel, channel.size());
                if (end > 0) {
                    long start = endOfLastCompleteLine(channel, end - 1);
                    ByteBuffer line = read(channel, start, Math.toIntExact(end - 1 - start));
                    return Optional.of(new String(line.array(), StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    /** The position after the last line feed before {@code limit}, 0 when there is none. */
    private static long endOfLastCompleteLine(FileChannel channel, long limit) throws IOException {
        long blockEnd = limit;
        while (blockEnd > 0) {
            long blockStart = Math.max(0, blockEnd - TAIL_BLOCK);
            ByteBuffer block = read(channel, blockStart, (int) (blockEnd - blockStart));
            for (int i = block.limit() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return blockStart + i + 1;
                }
            }
            blockEnd = blockStart;
        }
        return 0;
    }
}
