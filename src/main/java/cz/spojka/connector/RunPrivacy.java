package cz.spojka.connector;

import cz.spojka.changelog.RunContext;
import cz.spojka.mapping.Entity;
import cz.spojka.privacy.DatasetPrivacy;
import cz.spojka.privacy.Guarded;
import cz.spojka.privacy.HeldEntities;
import cz.spojka.privacy.HeldEntity;
import cz.spojka.privacy.PersonalDataCounts;
import cz.spojka.privacy.PersonalDataGuard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The personal-data guard's part of one connector run: which entities may go on to the gate and in what form, which
 * are held for review, and what was found.
 */
final class RunPrivacy {

    private final RunContext context;
    private final DatasetPrivacy privacy;
    private final PersonalDataGuard guard;
    private final HeldEntities heldEntities;

    /** IRIs of every entity the run delivered. */
    private final Set<String> delivered = new HashSet<>();
    /** Entities held in this run, as mapped, by IRI: a later chunk's description of one joins it. */
    private final Map<String, Entity> heldAsMapped = new HashMap<>();
    /** The held entities as the review lists them, by IRI. */
    private final Map<String, HeldEntity> held = new LinkedHashMap<>();
    /** What the guard found in each entity; an entity guarded again at the end of the run counts once. */
    private final Map<String, PersonalDataCounts> counts = new HashMap<>();

    RunPrivacy(RunContext context, DatasetPrivacy privacy, PersonalDataGuard guard, HeldEntities heldEntities) {
        this.context = context;
        this.privacy = privacy;
        this.guard = guard;
        this.heldEntities = heldEntities;
    }

    /**
     * Notes that the run delivered the entity, and gives back its earlier description if the run held it for review:
     * the two are decided together at the end of the run.
     *
     * @return the earlier description held in this run, or {@code null}
     */
    Entity delivered(String iri) {
        delivered.add(iri);
        held.remove(iri);
        return heldAsMapped.remove(iri);
    }

    /**
     * The entities as they may be published: each guarded under the dataset's policy, unless an operator decided on
     * this very content. Held and discarded entities are left out and handed to {@code spare}, so that the run neither
     * counts them as passed nor deletes their last published state.
     */
    List<Entity> publishable(List<Entity> entities, Consumer<String> spare) {
        if (!privacy.guarded()) {
            return entities;
        }
        List<Entity> publishable = new ArrayList<>(entities.size());
        for (Entity entity : entities) {
            HeldEntities.Decision decision = heldEntities.decision(context.connectorId(), entity.iri(), entity.hash());
            if (decision == HeldEntities.Decision.RELEASED) {
                counts.remove(entity.iri());
                publishable.add(entity);
            } else if (decision == HeldEntities.Decision.DISCARDED) {
                spare.accept(entity.iri());
            } else {
                Guarded guarded = guard.inspect(entity, privacy.policy());
                counts.put(entity.iri(), guarded.counts());
                if (guarded.held()) {
                    spare.accept(entity.iri());
                    hold(entity, guarded);
                } else {
                    publishable.add(guarded.entity());
                }
            }
        }
        return publishable;
    }

    /** Records the run's held entities for review; after a complete snapshot, forgets those no longer delivered. */
    void finish(boolean completeSnapshot) {
        if (privacy.guarded()) {
            heldEntities.recordRun(context.connectorId(), held.values(), delivered, completeSnapshot);
        }
    }

    /** What the guard found and did, or {@code null} when the dataset is published without looking. */
    PersonalDataCounts counts() {
        return privacy.guarded()
                ? counts.values().stream().reduce(PersonalDataCounts.NONE, PersonalDataCounts::plus)
                : null;
    }

    private void hold(Entity entity, Guarded guarded) {
        heldAsMapped.put(entity.iri(), entity);
        held.put(
                entity.iri(),
                HeldEntity.of(
                        context.connectorId(),
                        entity,
                        guarded.findings(),
                        context.fetchedAt(),
                        context.mappingVersion()));
    }
}
