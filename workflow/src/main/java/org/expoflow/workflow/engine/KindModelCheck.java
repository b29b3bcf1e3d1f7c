package org.expoflow.workflow.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Holds every resource of every new deployment against {@link ModelAllowList} before the engine parses
 * any of it, whichever door it came through (ExpoFlow's upload, {@code /engine-rest} with or without an
 * engine name, the webapps' engine API, auto-deployment at start, a redeployment): a deployment holds
 * directive kinds ({@code .bpmn}) and their texts, each model is read as plain XML (no DTD, no external
 * entity, no class loaded, no expression evaluated), and an element, attribute, value or expression the
 * list does not name is refused with its element's id and its name, and nothing is deployed.
 * <p>
 * Expressions may read variables (also {@code execution.getVariable('x')}), compare and combine them and
 * call the engine's clock and current user ({@link ModelVocabulary}); a service step names one of the
 * deadline delegates. See docs/adr/0003-kinds-are-data-by-allow-list.md.
 */
public class KindModelCheck implements Deployer {

    /** A kind's own words in a language, as plain properties: data, never code. */
    public static final Pattern KIND_TEXTS = Pattern.compile("texts_[a-z]{2,3}(_[A-Z]{2})?\\.properties");

    private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
    private static final Builder EXPRESSION_PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private static final QName DELEGATE_EXPRESSION = ModelAllowList.camunda("delegateExpression");
    private static final QName PROPERTY = ModelAllowList.camunda("property");
    private static final QName DUE_DATE = ModelAllowList.camunda("dueDate");
    /** R/P1D or R5/P1D, optionally from a start: R/2030-01-01T00:00:00Z/P1D; the period last. */
    private static final Pattern CYCLE = Pattern.compile("R\\d*/(?:[^/]+/)?(P[^/]+)");
    /** Far deeper than any kind nests (definitions, process, sub-process, step, form, field, rule); the walk is bounded. */
    static final int MAX_DEPTH = 64;
    private static final Map<QName, Map<QName, Set<String>>> VALUES = Map.of(
            ModelAllowList.camunda("formField"), Map.of(new QName("type"), ModelAllowList.FORM_FIELD_TYPES),
            ModelAllowList.camunda("constraint"), Map.of(new QName("name"), ModelAllowList.FORM_CONSTRAINTS));

    private final Function<ModelRefusal, String> wording;

    /** @param wording a refusal as the reader of the request being served reads it */
    public KindModelCheck(Function<ModelRefusal, String> wording) {
        this.wording = wording;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            Optional<ModelRefusal> refusal = deployment.isNew() ? refusalOfResource(resource.getName(), resource.getBytes())
                    : isModel(resource.getName()) ? refusalOfModel(resource.getName(), resource.getBytes()) : Optional.empty();
            if (refusal.isPresent()) {
                throw new ModelRefused(refusal.get(), wording.apply(refusal.get()));
            }
        }
    }

    /** Why this resource may not be deployed, if it may not: a kind's model off the list, or no kind's file at all. */
    public static Optional<ModelRefusal> refusalOfResource(String name, byte[] content) {
        if (KIND_TEXTS.matcher(name).matches()) {
            return Optional.empty();
        }
        if (!isModel(name)) {
            return Optional.of(ModelRefusal.of("deploymentResourceRefused", "the deployment resource '" + name
                    + "' is not allowed: a deployment holds directive kinds (.bpmn) and their texts (texts_zh.properties) only", name));
        }
        return refusalOfModel(name, content);
    }

    private static boolean isModel(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".bpmn");
    }

    /** Why this model may not be deployed, if it may not. */
    public static Optional<ModelRefusal> refusalOfModel(String name, byte[] content) {
        Document model;
        try {
            model = plainXml().parse(new ByteArrayInputStream(content));
        } catch (SAXException unreadable) {
            if (unreadable.getMessage() != null && unreadable.getMessage().contains("DOCTYPE")) {
                return Optional.of(ModelRefusal.of("modelDoctypeRefused", name + " declares a DOCTYPE: a directive kind"
                        + " refers to no DTD or external entity", name));
            }
            return Optional.of(ModelRefusal.of("kindNotBpmnXml", name + " is not well-formed XML: " + unreadable.getMessage(),
                    String.valueOf(unreadable.getMessage())));
        } catch (IOException unreadable) {
            return Optional.of(ModelRefusal.of("kindNotBpmnXml", name + " cannot be read: " + unreadable.getMessage(),
                    String.valueOf(unreadable.getMessage())));
        }
        try {
            check(model.getDocumentElement(), "definitions", 0);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.refusal);
        }
    }

    private static void check(Element element, String enclosingId, int depth) {
        QName name = nameOf(element);
        String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
        if (depth > MAX_DEPTH) {
            throw new Refused(ModelRefusal.of("modelTooDeep", "'" + id + "' nests elements more than " + MAX_DEPTH
                    + " deep: no directive kind needs that", id, String.valueOf(MAX_DEPTH)));
        }
        if (ModelAllowList.SCRIPTS.contains(name)) {
            throw new Refused(ModelRefusal.of("modelScriptRefused", "'" + id + "' carries a " + element.getNodeName()
                    + ": directive kinds run no scripts; use expressions and the deadline delegates instead", id, element.getNodeName()));
        }
        if (!ModelAllowList.allowsElement(name)) {
            throw new Refused(ModelRefusal.of("modelElementRefused", "'" + id + "' contains " + element.getNodeName()
                    + ", which a directive kind may not contain: a kind is data, never code", id, element.getNodeName()));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!XMLNS.equals(attribute.getNamespaceURI())) {
                checkAttribute(element, name, id, attribute);
            }
        }
        if (!ModelAllowList.PROSE.contains(name)) {
            String text = ownText(element);
            if (isExpression(text) || ModelAllowList.EXPRESSION_TEXTS.contains(name) && !text.isBlank()) {
                checkExpression(id, element.getNodeName(), text.strip());
            }
            if (ModelAllowList.TIMERS.contains(name) && !isExpression(text)) {
                checkTimer(id, element.getNodeName(), name.getLocalPart(), text.strip());
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                check(child, id, depth + 1);
            }
        }
    }

    private static void checkAttribute(Element element, QName elementName, String id, Attr attribute) {
        QName name = nameOf(attribute);
        String value = attribute.getValue();
        if (!ModelAllowList.allowsAttribute(elementName, name)) {
            throw new Refused(ModelRefusal.of("modelAttributeRefused", "'" + id + "' carries the attribute "
                    + attribute.getName() + " on " + element.getNodeName() + ", which a directive kind may not use; "
                    + element.getNodeName() + " may carry " + allowedOn(elementName), id, attribute.getName(), element.getNodeName()));
        }
        if (DELEGATE_EXPRESSION.equals(name)) {
            checkDelegate(id, attribute.getName(), value);
            return;
        }
        Set<String> values = VALUES.getOrDefault(elementName, Map.of()).get(name);
        if (values != null && !values.contains(value)) {
            String allowed = values.stream().sorted().collect(Collectors.joining(", "));
            throw new Refused(ModelRefusal.of("modelValueRefused", "'" + id + "' gives " + attribute.getName() + " the value '"
                    + value + "'; it may be one of " + allowed, id, attribute.getName(), value, allowed));
        }
        if (isExpression(value)) {
            checkExpression(id, attribute.getName(), value);
        }
        if (DUE_DATE.equals(name) && !isExpression(value)) {
            checkTimer(id, attribute.getName(), "timeDate", value.strip());
        }
        if (PROPERTY.equals(elementName) && name.getLocalPart().equals("value")) {
            checkDuration(id, element.getAttribute("name"), value);
        }
    }

    /**
     * A timer written out in the model (not read from a variable): a date within the planning years, a duration
     * within a year, a cycle that repeats no oftener than hourly; a cron expression is no cycle a kind needs.
     */
    private static void checkTimer(String id, String where, String kind, String value) {
        boolean inRange;
        try {
            inRange = switch (kind) {
                case "timeDate" -> {
                    int year = java.time.OffsetDateTime.parse(value).getYear();
                    yield year >= ModelAllowList.FIRST_YEAR && year <= ModelAllowList.LAST_YEAR;
                }
                case "timeDuration" -> withinAYear(value, Duration.ZERO);
                default -> {
                    java.util.regex.Matcher cycle = CYCLE.matcher(value);
                    yield cycle.matches() && withinAYear(cycle.group(1), ModelAllowList.SHORTEST_CYCLE);
                }
            };
        } catch (RuntimeException unreadable) {
            inRange = false;
        }
        if (!inRange) {
            throw new Refused(ModelRefusal.of("modelTimerRefused", "'" + id + "' sets " + where + " to '" + value
                    + "': a date from " + ModelAllowList.FIRST_YEAR + " to " + ModelAllowList.LAST_YEAR
                    + ", a duration up to P366D, or a cycle R/P1D that repeats at most hourly", id, where, value));
        }
    }

    /** Whether an ISO-8601 duration (P1M as the engine reads it) lies between {@code shortest} and a year. */
    private static boolean withinAYear(String duration, Duration shortest) throws IllegalArgumentException {
        javax.xml.datatype.Duration parsed;
        try {
            parsed = javax.xml.datatype.DatatypeFactory.newInstance().newDuration(duration);
        } catch (javax.xml.datatype.DatatypeConfigurationException unavailable) {
            throw new IllegalStateException(unavailable);
        }
        Duration length = Duration.ofMillis(parsed.getTimeInMillis(new java.util.Date(0)));
        return parsed.getSign() >= 0 && length.compareTo(shortest) >= 0 && length.compareTo(ModelAllowList.LONGEST_DURATION) <= 0;
    }

    /** A deadline's or reminder's duration a kind declares, read as the engine will read it, and within a year. */
    private static void checkDuration(String id, String property, String value) {
        if (!ModelAllowList.DURATION_PROPERTIES.contains(property)) {
            return;
        }
        boolean list = property.equals(ModelAllowList.REMIND_BEFORE);
        if (list && value.isBlank()) {
            return;
        }
        for (String part : list ? value.split(",", -1) : new String[] {value}) {
            Duration duration;
            try {
                duration = Duration.parse(part.strip());
            } catch (DateTimeParseException unreadable) {
                duration = null;
            }
            if (duration == null || duration.isNegative() || duration.compareTo(ModelAllowList.LONGEST_DURATION) > 0) {
                throw new Refused(ModelRefusal.of("modelDurationRefused", "'" + id + "' declares " + property + " = '" + value
                        + "': write a duration from PT0S to P366D, such as P7D or PT12H", id, property, value));
            }
        }
    }

    private static String allowedOn(QName element) {
        return ModelAllowList.attributesOf(element).stream().map(QName::getLocalPart).sorted(Comparator.naturalOrder())
                .collect(Collectors.joining(", "));
    }

    private static void checkDelegate(String id, String attribute, String value) {
        String delegate = value.strip();
        if (delegate.startsWith("${") && delegate.endsWith("}")) {
            delegate = delegate.substring(2, delegate.length() - 1).strip();
        }
        if (!ModelVocabulary.DELEGATES.contains(delegate)) {
            String allowed = ModelVocabulary.DELEGATES.stream().sorted().map(d -> "${" + d + "}").collect(Collectors.joining(", "));
            throw new Refused(ModelRefusal.of("modelDelegateRefused", "'" + id + "' names '" + value + "' in " + attribute
                    + ": a directive kind may name only " + allowed, id, attribute, value, allowed));
        }
    }

    private static void checkExpression(String id, String where, String expression) {
        Node root;
        try {
            root = (Node) EXPRESSION_PARSER.build(expression).getRoot();
        } catch (TreeBuilderException malformed) {
            throw new Refused(ModelRefusal.of("modelExpressionRefused", "'" + id + "' holds in " + where
                    + " an expression that cannot be read: " + expression, id, where, expression));
        }
        if (!readsVariablesOnly(root)) {
            throw new Refused(ModelRefusal.of("modelExpressionRefused", "'" + id + "' holds in " + where + " the expression '"
                    + expression + "': an expression may read variables (also execution.getVariable('name')), compare"
                    + " and combine them, and call " + ModelVocabulary.FUNCTIONS.stream().sorted().toList(), id, where, expression));
        }
    }

    private static boolean readsVariablesOnly(Node node) {
        if (node instanceof AstMethod method && !isVariableRead(method)) {
            return false;
        }
        if (node instanceof AstFunction function && !ModelVocabulary.FUNCTIONS.contains(function.getName())) {
            return false;
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            if (!readsVariablesOnly(node.getChild(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code execution.getVariable('x')} and its kin: the one method call a model may make. */
    private static boolean isVariableRead(AstMethod method) {
        if (!(method.getChild(0) instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier scope)) {
            return false;
        }
        // AstDot prints as ". name"; it offers the name no other way
        String name = dot.toString().substring(1).strip();
        return ModelVocabulary.VARIABLE_SCOPES.contains(scope.getName()) && ModelVocabulary.VARIABLE_READS.contains(name);
    }

    private static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof org.w3c.dom.Text part) {
                text.append(part.getData());
            }
        }
        return text.toString();
    }

    private static QName nameOf(org.w3c.dom.Node node) {
        return new QName(node.getNamespaceURI() == null ? "" : node.getNamespaceURI(), node.getLocalName());
    }

    /** The JDK's own parser, namespace-aware, with no DTD, no external entity and no XInclude. */
    private static DocumentBuilder plainXml() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the parser's default handler prints every fault to standard error
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException fault) throws SAXException {
                    throw fault;
                }
            });
            return builder;
        } catch (ParserConfigurationException unsupported) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", unsupported);
        }
    }

    /** Unwinds the walk at the first refusal. */
    private static final class Refused extends RuntimeException {
        private final transient ModelRefusal refusal;

        Refused(ModelRefusal refusal) {
            super(refusal.english(), null, false, false);
            this.refusal = refusal;
        }
    }
}
