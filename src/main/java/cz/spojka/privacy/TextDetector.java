package cz.spojka.privacy;

import java.util.List;

/** Finds one kind of personal data in a text value. */
interface TextDetector {

    /** The findings in {@code text}, in the order they occur. */
    List<Finding> find(String text);
}
