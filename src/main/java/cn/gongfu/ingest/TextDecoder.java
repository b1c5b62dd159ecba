package cn.gongfu.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a .txt into text. Government sites publish both UTF-8 and GB18030 (GBK) files; valid
 * UTF-8 is almost never accidental for Chinese text, so strict UTF-8 is tried first and GB18030 second.
 */
final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {
    }

    static String decode(byte[] bytes, String fileName) {
        if (bytes.length == 0) {
            throw new DocumentException(Texts.both("ingest.error.empty", fileName));
        }
        int offset = 0;
        Charset charset = null;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
            charset = StandardCharsets.UTF_8;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            offset = 2;
            charset = StandardCharsets.UTF_16LE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            offset = 2;
            charset = StandardCharsets.UTF_16BE;
        }
        String text;
        if (charset != null) {
            text = strict(bytes, offset, charset, fileName);
        } else {
            String utf8 = tryStrict(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                text = utf8;
            } else {
                text = strict(bytes, 0, GB18030, fileName);
            }
        }
        checkLooksLikeText(text, fileName);
        return text;
    }

    private static String tryStrict(byte[] bytes, Charset cs) {
        try {
            return decoder(cs).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String strict(byte[] bytes, int offset, Charset cs, String fileName) {
        CharsetDecoder decoder = decoder(cs);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) bytes.length * 2 + 16));
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new DocumentException(Texts.both("ingest.error.encoding", in.position(), fileName));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static CharsetDecoder decoder(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Binary files and wrongly decoded text show up as control characters and rare code points; a plan
     * document is overwhelmingly CJK, ASCII and punctuation.
     */
    static void checkLooksLikeText(String text, String fileName) {
        int total = 0;
        int control = 0;
        int unusual = 0;
        int firstBadLine = -1;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                continue;
            }
            total++;
            boolean bad = false;
            if (c < 0x20 || c == 0x7F || c == 0xFFFD) {
                control++;
                bad = true;
            } else if (!isCommon(c)) {
                unusual++;
                bad = true;
            }
            if (bad && firstBadLine < 0) {
                firstBadLine = line;
            }
        }
        if (total == 0) {
            throw new DocumentException(Texts.both("ingest.error.noText", fileName));
        }
        if (control > total / 50 || control + unusual > total / 5) {
            throw new DocumentException(Texts.both("ingest.error.notText", firstBadLine, fileName));
        }
    }

    private static boolean isCommon(char c) {
        return c < 0x7F
                || (c >= 0x4E00 && c <= 0x9FFF)      // CJK unified ideographs
                || (c >= 0x3000 && c <= 0x303F)      // CJK punctuation
                || (c >= 0xFF00 && c <= 0xFFEF)      // full-width forms
                || (c >= 0x2000 && c <= 0x206F)      // general punctuation (—, “”)
                || (c >= 0x2150 && c <= 0x22FF)      // number forms, arrows, maths (Ⅲ, ≥)
                || (c >= 0x2460 && c <= 0x27BF)      // enclosed numbers, shapes (●, ①)
                || (c >= 0x00A0 && c <= 0x02FF)      // Latin-1, Latin extended
                || (c >= 0x0370 && c <= 0x04FF)      // Greek, Cyrillic
                || (c >= 0x3400 && c <= 0x4DBF)      // CJK extension A
                || (c >= 0xF900 && c <= 0xFAFF)      // CJK compatibility
                || (c >= 0xFE30 && c <= 0xFE4F);     // CJK compatibility forms
    }
}
