package cz.spojka.mapping;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a fetched body in the mapping's charset. Decoding is strict: a byte sequence the charset does not define
 * fails the whole body, naming the byte and its line, because a body read in the wrong charset would otherwise map
 * to garbled text that passes every check (a windows-1250 export read as UTF-8 is the common case).
 */
final class BodyText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private BodyText() {}

    /**
     * Fails unless the body is valid UTF-8, naming the first bad byte and its line; the text is not kept, so a large
     * body is checked without a copy of it.
     */
    static void requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int offset = in.position();
                throw new MappingException("The body is not valid UTF-8: byte " + offset + " (0x"
                        + String.format("%02X", body[offset]) + ", line " + line(body, offset)
                        + ") is not part of a UTF-8 character; is it in another charset?");
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    /** The body as text, without a leading byte-order mark. */
    static String decode(byte[] body, Charset charset) {
        if (!charset.equals(StandardCharsets.UTF_8) && charset.newEncoder().maxBytesPerChar() == 1 && utf8(body)) {
            throw new MappingException("The body is not valid " + charset.name() + ": it is UTF-8 (it has characters"
                    + " of more than one byte and every byte sequence is valid UTF-8), which read as " + charset.name()
                    + " would become garbled text; is the mapping's charset right?");
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new MappingException("The body is not valid " + charset.name() + ": byte " + offset + " (0x"
                    + String.format("%02X", body[offset]) + ", line " + line(body, offset) + ") is not a character"
                    + " of that charset; is the mapping's charset right?");
        }
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /**
     * Whether the body is valid UTF-8 with at least one character of more than one byte. Text in a single-byte
     * charset such as windows-1250 practically never is: its accented letters are single bytes over 0x7F, which UTF-8
     * allows only as continuation bytes after a lead byte.
     */
    private static boolean utf8(byte[] body) {
        boolean multiByte = false;
        for (byte b : body) {
            if (b < 0) {
                multiByte = true;
                break;
            }
        }
        if (!multiByte) {
            return false;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int line(byte[] body, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
