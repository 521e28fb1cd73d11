package io.credbridge.transcript.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryDropTest {

    @TempDir
    Path dir;

    @Test
    void aFileAppearsWholeUnderItsNameAndNoTemporaryFileIsLeft() throws Exception {
        DirectoryDrop drop = new DirectoryDrop(dir.resolve("sis-import"));

        assertThat(drop.put("t-1.xml", bytes("<a/>"))).isTrue();

        assertThat(Files.list(dir.resolve("sis-import")).map(Path::getFileName).map(Path::toString))
                .containsExactly("t-1.xml");
        assertThat(Files.readString(dir.resolve("sis-import/t-1.xml"))).isEqualTo("<a/>");
    }

    @Test
    void aFileOfTheSameNameAlreadyThereIsLeftAsItWas() throws Exception {
        DirectoryDrop drop = new DirectoryDrop(dir);
        drop.put("t-1.csv", bytes("first"));

        assertThat(drop.put("t-1.csv", bytes("second"))).isFalse();

        assertThat(Files.readString(dir.resolve("t-1.csv"))).isEqualTo("first");
    }

    @Test
    void listsTheFilesMatchingThePatternInNameOrderAndNothingForAFolderNotThereYet() throws Exception {
        Files.writeString(dir.resolve("b.ack.csv"), "x");
        Files.writeString(dir.resolve("a.ack.csv"), "x");
        Files.writeString(dir.resolve("a.csv"), "x");
        DirectoryDrop drop = new DirectoryDrop(dir);

        assertThat(drop.list(dir.toString(), "*.ack.csv")).containsExactly("a.ack.csv", "b.ack.csv");
        assertThat(drop.list(dir.resolve("missing").toString(), "*.ack.csv")).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
