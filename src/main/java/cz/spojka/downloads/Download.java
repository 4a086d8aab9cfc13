package cz.spojka.downloads;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One requested download, ready to be written.
 *
 * @param fileName the name a browser saves it as
 * @param mediaType its content type
 * @param body writes it, as the store reads it
 */
record Download(String fileName, String mediaType, Body body) {

    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
