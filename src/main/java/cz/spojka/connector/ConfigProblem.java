package cz.spojka.connector;

import java.nio.file.Path;

/**
 * One problem in a connector's configuration, with everything needed to fix it.
 *
 * @param file the file, relative to the working directory
 * @param line the 1-based line
 * @param connector the connector id (the folder name)
 * @param field the dotted path of the field
 * @param message what is wrong, with the bad value and the allowed values where there are any
 */
public record ConfigProblem(Path file, int line, String connector, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": connector '" + connector + "', field '" + field + "': " + message;
    }
}
