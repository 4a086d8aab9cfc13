package cz.spojka.privacy;

import cz.spojka.mapping.Entity;
import java.util.List;

/**
 * What the guard made of an entity.
 *
 * @param entity what may be published: the entity as mapped when nothing was found, redacted or pseudonymised under
 *     those policies; the entity as mapped, not to be published, when {@code held}
 * @param held whether the entity is held for review instead of being published
 * @param findings the personal data found, for the review of a held entity
 * @param counts what was found and done
 */
public record Guarded(Entity entity, boolean held, List<EntityFinding> findings, PersonalDataCounts counts) {

    static Guarded clean(Entity entity) {
        return new Guarded(entity, false, List.of(), PersonalDataCounts.NONE);
    }
}
