package org.expoflow.workflow.kinds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.application.ReadOncePerRequest;
import org.expoflow.workflow.engine.KindModelCheck;
import org.expoflow.workflow.engine.KindModels;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A new directive kind, deployed by ADMIN as a BPMN file without code or restart: read as BPMN, parsed by
 * the engine (whose parse listeners refuse anything that would run code on the server), and deployed unless
 * the same file is deployed already; running directives stay on the version they started with.
 */
@Service
public class DirectiveKindDeployment {

    private final KindModels models;
    private final DirectiveKindCatalogue kinds;

    public DirectiveKindDeployment(KindModels models, DirectiveKindCatalogue kinds) {
        this.models = models;
        this.kinds = kinds;
    }

    /** The kinds the file deployed (none when it was deployed already); refused at the field {@code file}. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<DirectiveKind> deploy(String fileName, byte[] bpmn) {
        return deploy(fileName, bpmn, Map.of());
    }

    /**
     * The kinds the file deployed with their own words: {@code texts} by file name ({@code texts_zh.properties},
     * {@code texts_en.properties}, UTF-8, keyed as the bundled kinds' are: {@code kind.<id>.name},
     * {@code kind.<id>.step.<stepId>}, {@code kind.<id>.field.<fieldId>}); a text file named otherwise or that is
     * not properties is refused at the field {@code texts}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<DirectiveKind> deploy(String fileName, byte[] bpmn, Map<String, byte[]> texts) {
        texts.forEach((textsName, content) -> {
            if (textsName == null || !KindModelCheck.KIND_TEXTS.matcher(textsName).matches()) {
                throw DomainRuleViolation.invalid("texts", "a kind's texts are a file named texts_<language>.properties,"
                        + " such as texts_zh.properties, not '" + textsName + "'").coded("kindTextsMisnamed", textsName);
            }
            try {
                new Properties().load(new InputStreamReader(new ByteArrayInputStream(content),
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)));
            } catch (IOException | IllegalArgumentException notProperties) {
                throw DomainRuleViolation.invalid("texts", textsName + " is not a UTF-8 properties file: "
                        + notProperties.getMessage()).coded("kindTextsUnreadable", textsName, notProperties.getMessage());
            }
        });
        String name = fileName == null ? "" : fileName;
        if (!name.endsWith(".bpmn")) {
            throw DomainRuleViolation.invalid("file", "a directive kind is a .bpmn file, not '" + name + "'")
                    .coded("kindNotBpmn", name);
        }
        // as plain XML against the allow-list before any parser that knows BPMN reads it
        KindModelCheck.refusalOfModel(name, bpmn).ifPresent(refusal -> {
            throw DomainRuleViolation.invalid("file", refusal.english()).coded(refusal.code(), refusal.arguments().toArray());
        });
        List<KindModels.DeclaredProcess> processes;
        try {
            processes = models.processesOf(bpmn);
        } catch (KindModels.NotAModel notBpmn) {
            throw DomainRuleViolation.invalid("file", "not a valid BPMN 2.0 file: " + notBpmn.getMessage())
                    .coded("kindNotBpmnXml", notBpmn.getMessage());
        }
        for (KindModels.DeclaredProcess process : processes) {
            String before = process.properties().get(ReminderCadence.REMIND_BEFORE);
            String every = process.properties().get(ReminderCadence.REMIND_OVERDUE_EVERY);
            if (before != null || every != null) {
                try {
                    ReminderCadence.parse(before, every == null ? "P1D" : every, ReminderCadence.REMIND_BEFORE,
                            ReminderCadence.REMIND_OVERDUE_EVERY);
                } catch (IllegalArgumentException unreadable) {
                    throw DomainRuleViolation.invalid("file", process.id() + ": " + unreadable.getMessage())
                            .coded("kindCadenceUnreadable", process.id(), unreadable.getMessage());
                }
            }
        }
        List<String> keys;
        try {
            keys = models.deploy(name, bpmn, texts);
            ReadOncePerRequest.forget(DirectiveKindCatalogue.KINDS);
        } catch (KindModels.ModelRefusedByEngine refused) {
            throw DomainRuleViolation.invalid("file", refused.getMessage()).coded("kindRefusedByEngine", refused.getMessage());
        }
        return kinds.all().stream().filter(kind -> keys.contains(kind.key())).toList();
    }
}
