package org.expoflow.workflow.engine;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * Everything a directive kind's BPMN file may contain: the elements, and each element's attributes, that
 * ExpoFlow's kinds need to draw steps, forms, deadlines and reviews, and nothing else. A behaviour the
 * engine offers behind any other element or attribute (a class, a script, a connector, a listener, a
 * {@code camunda:type}, a call to another process) is refused, including one a later engine adds.
 * {@link KindModelCheck} holds every deployed file against this list before the engine parses it; see
 * docs/adr/0003-kinds-are-data-by-allow-list.md.
 */
public final class ModelAllowList {

    public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    /** What Camunda Modeler writes about itself on {@code definitions}. */
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    /** The colours Camunda Modeler gives shapes, in its two notations: drawing, never behaviour. */
    static final String BIO_COLOUR = "http://bpmn.io/schema/bpmn/biocolor/1.0";
    static final String COLOUR = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";

    /** The texts the engine evaluates as expressions; any other text is read by people or names an element. */
    static final Set<QName> EXPRESSION_TEXTS = Set.of(bpmn("conditionExpression"), bpmn("timeDate"), bpmn("timeCycle"),
            bpmn("timeDuration"), camunda("inputParameter"), camunda("outputParameter"));

    /** Off the list like everything not on it, and refused in words of their own: the commonest way to run code. */
    static final Set<QName> SCRIPTS = Set.of(bpmn("scriptTask"), bpmn("script"), camunda("script"));

    /** Texts for people: never evaluated, whatever they hold. */
    static final Set<QName> PROSE = Set.of(bpmn("documentation"), bpmn("text"));

    /** The step properties that hold a duration (a list of them for the reminders before a deadline). */
    static final String REMIND_BEFORE = "remindBefore";
    static final Set<String> DURATION_PROPERTIES = Set.of(StepDeadline.DUE_BEFORE_DEADLINE, StepDeadline.DUE_WITHIN,
            DeadlineSupervision.DUE_SOON_BEFORE, DeadlineSupervision.ESCALATE_AFTER, REMIND_BEFORE, "remindOverdueEvery");
    /** The timers a model may write out, and their bounds: the planning years, no cycle oftener than hourly. */
    static final Set<QName> TIMERS = Set.of(bpmn("timeDate"), bpmn("timeDuration"), bpmn("timeCycle"));
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    static final java.time.Duration SHORTEST_CYCLE = java.time.Duration.ofHours(1);

    /** No deadline or reminder of an expo's preparation is further off than a year. */
    static final java.time.Duration LONGEST_DURATION = java.time.Duration.ofDays(366);

    /** The form field types the pages know how to ask for. */
    static final Set<String> FORM_FIELD_TYPES = Set.of("string", "long", "date", "enum");

    /** The engine's own validators: a named custom one ({@code validator}) would be a class. */
    static final Set<String> FORM_CONSTRAINTS = Set.of("required", "minlength", "maxlength", "min", "max");

    private static final Map<QName, Set<QName>> ATTRIBUTES = Stream.of(
            element(bpmn("definitions"), "id", "name", "targetNamespace", "exporter", "exporterVersion")
                    .and(XSI, "schemaLocation").and(MODELER, "executionPlatform", "executionPlatformVersion"),
            element(bpmn("process"), "id", "name", "isExecutable").and(CAMUNDA, "historyTimeToLive", "versionTag"),
            element(bpmn("documentation"), "id", "textFormat"),
            element(bpmn("extensionElements")),
            element(bpmn("startEvent"), "id", "name", "isInterrupting"),
            element(bpmn("endEvent"), "id", "name"),
            element(bpmn("intermediateCatchEvent"), "id", "name"),
            element(bpmn("boundaryEvent"), "id", "name", "attachedToRef", "cancelActivity"),
            element(bpmn("timerEventDefinition"), "id"),
            element(bpmn("terminateEventDefinition"), "id"),
            element(bpmn("timeDate"), "id").and(XSI, "type"),
            element(bpmn("timeCycle"), "id").and(XSI, "type"),
            element(bpmn("timeDuration"), "id").and(XSI, "type"),
            element(bpmn("userTask"), "id", "name").and(CAMUNDA, "candidateGroups", "dueDate"),
            element(bpmn("serviceTask"), "id", "name").and(CAMUNDA, "delegateExpression"),
            element(bpmn("subProcess"), "id", "name", "triggeredByEvent"),
            element(bpmn("sequenceFlow"), "id", "name", "sourceRef", "targetRef"),
            element(bpmn("conditionExpression"), "id").and(XSI, "type"),
            element(bpmn("exclusiveGateway"), "id", "name", "default"),
            element(bpmn("inclusiveGateway"), "id", "name", "default"),
            element(bpmn("parallelGateway"), "id", "name"),
            element(bpmn("incoming")),
            element(bpmn("outgoing")),
            element(bpmn("laneSet"), "id"),
            element(bpmn("lane"), "id", "name"),
            element(bpmn("flowNodeRef")),
            element(bpmn("collaboration"), "id", "name"),
            element(bpmn("participant"), "id", "name", "processRef"),
            element(bpmn("textAnnotation"), "id", "textFormat"),
            element(bpmn("text")),
            element(bpmn("association"), "id", "sourceRef", "targetRef", "associationDirection"),
            element(camunda("formData")),
            element(camunda("formField"), "id", "label", "type"),
            element(camunda("validation")),
            element(camunda("constraint"), "name", "config"),
            element(camunda("value"), "id", "name"),
            element(camunda("properties")),
            element(camunda("property"), "id", "name", "value"),
            element(camunda("inputOutput")),
            element(camunda("inputParameter"), "name"),
            element(camunda("outputParameter"), "name"),
            element(new QName(BPMN_DI, "BPMNDiagram"), "id", "name", "documentation", "resolution"),
            element(new QName(BPMN_DI, "BPMNPlane"), "id", "bpmnElement"),
            element(new QName(BPMN_DI, "BPMNShape"), "id", "bpmnElement", "isHorizontal", "isExpanded", "isMarkerVisible",
                    "isMessageVisible", "participantBandKind", "choreographyActivityShape").coloured(),
            element(new QName(BPMN_DI, "BPMNEdge"), "id", "bpmnElement", "sourceElement", "targetElement",
                    "messageVisibleKind").coloured(),
            element(new QName(BPMN_DI, "BPMNLabel"), "id", "labelStyle").coloured(),
            element(new QName(BPMN_DI, "BPMNLabelStyle"), "id"),
            element(new QName(DC, "Bounds"), "x", "y", "width", "height"),
            element(new QName(DC, "Font"), "name", "size", "isBold", "isItalic", "isUnderline", "isStrikeThrough"),
            element(new QName(DI, "waypoint"), "x", "y").and(XSI, "type"))
            .collect(Collectors.toUnmodifiableMap(Allowed::element, Allowed::attributes));

    private ModelAllowList() {
    }

    /** Whether a kind may contain this element at all. */
    public static boolean allowsElement(QName element) {
        return ATTRIBUTES.containsKey(element);
    }

    /** Whether a kind may give this element this attribute ({@code ""} as the namespace of a plain one). */
    public static boolean allowsAttribute(QName element, QName attribute) {
        return ATTRIBUTES.getOrDefault(element, Set.of()).contains(attribute);
    }

    /** The allowed attributes of an element, for the refusal that names what may stand there instead. */
    static Set<QName> attributesOf(QName element) {
        return ATTRIBUTES.getOrDefault(element, Set.of());
    }

    /** Every element on the list, for the test that holds the list against a kind that uses all of it. */
    public static Set<QName> elements() {
        return ATTRIBUTES.keySet();
    }

    public static QName bpmn(String localName) {
        return new QName(BPMN, localName);
    }

    public static QName camunda(String localName) {
        return new QName(CAMUNDA, localName);
    }

    private static Allowed element(QName element, String... plainAttributes) {
        return new Allowed(element, Stream.of(plainAttributes).map(QName::new).collect(Collectors.toUnmodifiableSet()));
    }

    private record Allowed(QName element, Set<QName> attributes) {
        Allowed and(String namespace, String... localNames) {
            return new Allowed(element, Stream.concat(attributes.stream(), Stream.of(localNames).map(name -> new QName(namespace, name)))
                    .collect(Collectors.toUnmodifiableSet()));
        }

        Allowed coloured() {
            return and(BIO_COLOUR, "stroke", "fill").and(COLOUR, "background-color", "border-color", "color");
        }
    }
}
