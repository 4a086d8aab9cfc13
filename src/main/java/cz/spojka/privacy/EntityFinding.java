package cz.spojka.privacy;

/**
 * A piece of personal data found in an entity, as the review API lists it.
 *
 * @param kind what it is
 * @param value the personal data as found
 * @param property the property whose value carried it; for a link, the property of the link
 * @param link whether it was found in the address of a link (a web page, a document), not in a text
 */
public record EntityFinding(PersonalDataKind kind, String value, String property, boolean link) {}
