package cz.spojka.system;

import java.util.Collection;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Content negotiation where the hub has a default: a representation is chosen over the default only when the
 * {@code Accept} header names it, by type and subtype, with a higher quality than every representation of the
 * default. A program asking for anything ({@code *}{@code /*}), or sending no header, gets the default.
 */
public final class AcceptHeader {

    private AcceptHeader() {}

    /**
     * @param accept the request's {@code Accept} header, or null
     * @param wanted the representation chosen when the header prefers it
     * @param defaults the media types of the default representation
     */
    public static boolean prefers(String accept, MediaType wanted, Collection<MediaType> defaults) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double quality = quality(accepted, wanted);
        return quality > 0 && defaults.stream().allMatch(other -> quality >= quality(accepted, other));
    }

    private static double quality(List<MediaType> accepted, MediaType type) {
        return accepted.stream()
                .filter(a ->
                        a.getType().equals(type.getType()) && a.getSubtype().equals(type.getSubtype()))
                .mapToDouble(MediaType::getQualityValue)
                .max()
                .orElse(0);
    }
}
