package org.expoflow.workflow.kinds;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.expoflow.workflow.application.ReadOncePerRequest;
import org.expoflow.workflow.engine.KindModels;
import org.expoflow.workflow.engine.StepForm;
import org.springframework.stereotype.Component;

/**
 * Reads the directive kinds from the engine's deployed processes: the latest version of each, except
 * the deadline supervision, which watches the kinds' steps and is not itself issued.
 */
@Component
public class DirectiveKindCatalogue {

    private final KindModels models;

    /** The register of kinds, as {@link ReadOncePerRequest} knows it: a deployment forgets what its request read. */
    static final String KINDS = "kinds";

    public DirectiveKindCatalogue(KindModels models) {
        this.models = models;
    }

    public List<DirectiveKind> all() {
        return ReadOncePerRequest.read(KINDS, () -> models.latestActive().stream().map(DirectiveKindCatalogue::described).toList());
    }

    public Optional<DirectiveKind> find(String key) {
        return models.latestActive(key).map(DirectiveKindCatalogue::described);
    }

    /** One deployed version of a kind: its number, when it was deployed, and its version tag if the model gives one. */
    public record KindVersion(int version, Instant deployedAt, String versionTag) {
    }

    /** Every deployed version of a kind, the newest first; directives keep the version they started with. */
    public List<KindVersion> versions(String key) {
        return models.versions(key).stream()
                .map(version -> new KindVersion(version.version(), version.deployedAt(), version.versionTag())).toList();
    }

    /**
     * How the kind reminds of its steps' deadlines: what its latest version declares, else {@code defaults}; a
     * declaration that cannot be read (deployed before deployments checked it) leaves the defaults.
     */
    public ReminderCadence reminderCadence(String key, ReminderCadence defaults) {
        return models.latest(key).map(model -> {
            try {
                return defaults.overriddenBy(model.properties().get(ReminderCadence.REMIND_BEFORE),
                        model.properties().get(ReminderCadence.REMIND_OVERDUE_EVERY));
            } catch (IllegalArgumentException unreadable) {
                return defaults;
            }
        }).orElse(defaults);
    }

    /** The kind a process definition (any version) describes. */
    public DirectiveKind kindOf(String processDefinitionId) {
        return described(models.ofDefinition(processDefinitionId));
    }

    /** The form of one step of the process definition a task runs on. */
    public StepForm stepForm(String processDefinitionId, String stepId) {
        return models.stepForm(processDefinitionId, stepId);
    }

    private static DirectiveKind described(KindModels.KindModel model) {
        List<DirectiveKind.Step> steps = model.steps().stream()
                .map(step -> new DirectiveKind.Step(step.id(), step.name(), step.candidateGroup(), step.fields(),
                        step.attachments()))
                .toList();
        Set<String> figures = new LinkedHashSet<>();
        steps.forEach(step -> step.fields().stream().filter(StepForm.Field::isFigure)
                .forEach(field -> figures.add(field.id())));
        return new DirectiveKind(model.key(), model.name() == null ? model.key() : model.name(), model.version(),
                model.documentation(), steps, List.copyOf(figures));
    }
}
