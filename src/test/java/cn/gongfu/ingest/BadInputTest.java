package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with a bilingual message that names the file, never with a stack trace or OOM. */
class BadInputTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> parser.parse("empty.txt", new byte[0]))
                .isInstanceOf(DocumentException.class).hasMessageContaining("文件为空").hasMessageContaining("empty").hasMessageContaining("empty.txt");
    }

    @Test
    void whitespaceOnly() {
        assertThatThrownBy(() -> parser.parse("blank.txt", "  \n\n \t\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DocumentException.class).hasMessageContaining("no text");
    }

    @Test
    void binaryGarbage() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        assertThatThrownBy(() -> parser.parse("garbage.txt", garbage))
                .isInstanceOf(DocumentException.class).hasMessageContaining("garbage.txt");
    }

    @Test
    void controlCharactersInValidUtf8() {
        byte[] bytes = new byte[2000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        assertThatThrownBy(() -> parser.parse("ctrl.txt", bytes))
                .isInstanceOf(DocumentException.class).hasMessageContaining("does not look like text");
    }

    @Test
    void wrongEncodingIsReportedWithItsPosition() {
        // 0x80 and 0xFF can start neither a UTF-8 nor a GB18030 character.
        byte[] bytes = "青溪区行动方案".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xFF;
        bad[bytes.length + 1] = (byte) 0x80;
        assertThatThrownBy(() -> parser.parse("latin.txt", bad))
                .isInstanceOf(DocumentException.class).hasMessageContaining("encoding").hasMessageContaining("byte");
    }

    @Test
    void oversizedFileIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.txt");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(200L << 20); // sparse: 200 MB on paper, nothing read
        }
        assertThatThrownBy(() -> parser.parse(big))
                .isInstanceOf(DocumentException.class).hasMessageContaining("too large").hasMessageContaining("big.txt");
    }

    @Test
    void oversizedStreamStopsAtTheLimit() {
        DocumentParser small = new DocumentParser(new ParserLimits(1 << 20, 10 << 20, 100));
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                if (served > (64L << 20)) {
                    throw new AssertionError("read far beyond the limit");
                }
                return 'a';
            }
        };
        assertThatThrownBy(() -> small.parse("stream.txt", endless)).isInstanceOf(DocumentException.class).hasMessageContaining("too large");
    }

    @Test
    void corruptDocx() {
        byte[] bytes = "PK\u0003\u0004this is not really a zip file at all".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parser.parse("broken.docx", bytes))
                .isInstanceOf(DocumentException.class).hasMessageContaining("broken.docx").hasMessageContaining("corrupt");
    }

    @Test
    void docxWithoutZipSignature() {
        assertThatThrownBy(() -> parser.parse("fake.docx", "just text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DocumentException.class).hasMessageContaining(".docx");
    }

    @Test
    void zipBombDocxIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros); // 300 MB of zeros compress to about 300 KB
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(2 << 20);
        assertThatThrownBy(() -> parser.parse("bomb.docx", bytes.toByteArray()))
                .isInstanceOf(DocumentException.class).hasMessageContaining("zip bomb").hasMessageContaining("bomb.docx");
    }

    @Test
    void corruptPdf() {
        byte[] bytes = "%PDF-1.4\n garbage garbage".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parser.parse("broken.pdf", bytes))
                .isInstanceOf(DocumentException.class).hasMessageContaining("broken.pdf");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> parser.parse(dir.resolve("nope.txt")))
                .isInstanceOf(DocumentException.class).hasMessageContaining("not found");
    }

    @Test
    void plainTextWithoutStructureStillParses(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("note.txt");
        Files.writeString(p, "这是一段没有结构的说明文字。\n");
        ParsedDocument doc = parser.parse(p);
        assertThat(doc.tasks()).isEmpty();
        assertThat(doc.title()).isNull();
    }
}
