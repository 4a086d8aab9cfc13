package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs a disk-full test mounts over one folder of the hub's data, so that the disk fills and frees for real.
 * Mounting needs root (CI and the development machines run as root); elsewhere the test is skipped with that reason.
 */
final class Tmpfs {

    private final Path dir;
    private final String size;

    private Tmpfs(Path dir, String size) {
        this.dir = dir;
        this.size = size;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 512m}) at {@code dir}, the folder of {@code what}. */
    static Tmpfs mount(Path dir, String size, String what) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()) == 0;
        Assumptions.assumeTrue(mounted, "mounting a tmpfs for " + what + " needs root");
        return new Tmpfs(dir, size);
    }

    /** Shrinks it to what it holds and {@code headroom} bytes more: writes beyond that find the disk full. */
    void fill(long headroom) throws IOException, InterruptedException {
        FileStore store = Files.getFileStore(dir);
        long used = store.getTotalSpace() - store.getUsableSpace();
        assertThat(run("mount", "-o", "remount,size=" + (used + headroom), dir.toString()))
                .isZero();
    }

    /** Gives it its first size again. */
    void free() throws IOException, InterruptedException {
        assertThat(run("mount", "-o", "remount,size=" + size, dir.toString())).isZero();
    }

    /** Lazily: a component that gave up on the full disk may still hold some of its files open. */
    void unmount() throws IOException, InterruptedException {
        assertThat(run("umount", "-l", dir.toString())).isZero();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
