package cz.spojka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {

    record Item(String id, String name, Instant at) {}

    private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void savedItemsAreLoadedInTheOrderOfTheirIdsAndADeletedOneIsGone() {
        JsonFiles<Item> files = new JsonFiles<>(dir.resolve("items"), Item.class);
        files.save("b", new Item("b", "Brno", AT));
        files.save("a", new Item("a", "Chrudim", AT));
        files.save("a", new Item("a", "Chrudim (nové)", AT));
        files.save("c", new Item("c", "Praha", AT));
        files.delete("c");

        assertThat(new JsonFiles<>(dir.resolve("items"), Item.class).load())
                .containsExactly(new Item("a", "Chrudim (nové)", AT), new Item("b", "Brno", AT));
        assertThat(dir.resolve("items")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aTemporaryFileLeftByACrashIsRemovedAndTheOldItemKept() throws IOException {
        JsonFiles<Item> files = new JsonFiles<>(dir, Item.class);
        files.save("a", new Item("a", "Chrudim", AT));
        Files.writeString(dir.resolve("a.json.tmp"), "{\"id\":\"a\",\"na");

        assertThat(files.load()).containsExactly(new Item("a", "Chrudim", AT));
        assertThat(dir.resolve("a.json.tmp")).doesNotExist();
    }

    @Test
    void aFileThatCannotBeReadIsNamed() throws IOException {
        JsonFiles<Item> files = new JsonFiles<>(dir, Item.class);
        files.save("a", new Item("a", "Chrudim", AT));
        Files.writeString(dir.resolve("b.json"), "{\"id\":\"b\",");

        assertThatThrownBy(files::load)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(
                        "Cannot read " + dir.resolve("b.json").toAbsolutePath() + ", which is not a valid Item: ")
                .hasMessageEndingWith(". Restore it from a backup or remove it.");
    }
}
