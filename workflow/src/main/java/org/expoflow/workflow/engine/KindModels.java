package org.expoflow.workflow.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which the directive kinds' catalogue, their words and their deployment reach the engine: which
 * versions of a kind are deployed, what each version's model declares (its steps, their forms, what it declares on its
 * process), the texts deployed with it; and a new model read and deployed. The deadline's supervision is deployed as
 * a kind is, but is issued by none: it is never among the kinds listed.
 */
public interface KindModels {

    /** The latest active version of every kind. */
    List<KindModel> latestActive();

    /** The latest active version of the kind; none for the deadline's supervision. */
    Optional<KindModel> latestActive(String key);

    /** The latest version of the kind, whether or not it is active. */
    Optional<KindModel> latest(String key);

    /** The version of a kind a process definition is, whichever it is. */
    KindModel ofDefinition(String processDefinitionId);

    /** Every deployed version of the kind, the newest first. */
    List<Version> versions(String key);

    /**
     * The form of one step of the process definition a task runs on. A chase-up's steps read as the latest supervision
     * has them, whichever version they began on.
     */
    StepForm stepForm(String processDefinitionId, String stepId);

    /** The texts deployed with the kind's latest version, by file name ({@code texts_zh.properties}); none if it brought none. */
    Map<String, byte[]> texts(String key);

    /**
     * The processes a model declares, read as BPMN without deploying it.
     *
     * @throws NotAModel when the file is no BPMN the engine could read
     */
    List<DeclaredProcess> processesOf(byte[] bpmn);

    /**
     * Deploys the model with its texts, unless the same files are deployed already; running directives stay on the
     * version they started with.
     *
     * @return the keys of the kinds it deployed; none when the files were deployed already
     * @throws ModelRefusedByEngine when the engine would not deploy it
     */
    List<String> deploy(String fileName, byte[] bpmn, Map<String, byte[]> texts);

    /**
     * One version of a kind as its model declares it: {@code name} and {@code documentation} are the model's own, null
     * where it gives none; {@code properties} what it declares on its process as {@code camunda:property}.
     */
    record KindModel(String definitionId, String key, String name, int version, String documentation, List<Step> steps,
                     Map<String, String> properties) {
    }

    /** A step of a kind: who does it, what it asks for, and what files it asks for ({@code boothPhotos}) or null. */
    record Step(String id, String name, String candidateGroup, List<StepForm.Field> fields, String attachments) {
    }

    /** A deployed version of a kind: its number, when it was deployed, and its version tag if the model gives one. */
    record Version(int version, Instant deployedAt, String versionTag) {
    }

    /** A process a model declares, with what it declares on itself as {@code camunda:property}. */
    record DeclaredProcess(String id, Map<String, String> properties) {
    }

    /** A file that is no BPMN the engine can read; the message says why. */
    final class NotAModel extends RuntimeException {
        public NotAModel(String why) {
            super(why);
        }
    }

    /** A model the engine would not deploy; the message is the engine's reason, by element where it names one. */
    final class ModelRefusedByEngine extends RuntimeException {
        public ModelRefusedByEngine(String why) {
            super(why);
        }
    }
}
