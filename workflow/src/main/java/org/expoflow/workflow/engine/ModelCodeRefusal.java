package org.expoflow.workflow.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Refuses, at deployment and whatever the path (ExpoFlow's upload, the engine's REST API with or without
 * an engine name, auto-deployment), a BPMN file that would run code on the server, naming the element:
 * a script task, script listener, script input/output or scripted condition; a Java class
 * ({@code camunda:class}, {@code camunda:formHandlerClass}, {@code camunda:variableMappingClass}); a
 * delegate expression other than one of {@link ModelVocabulary#DELEGATES}; a connector; a custom form
 * validator; an expression that calls a method other than a variable read, or a function other than
 * the engine's clock and current user.
 * <p>
 * The whole document is walked, not only the elements the engine knows today, so an attribute or text
 * anywhere that holds an expression is checked the same way.
 */
class ModelCodeRefusal extends AbstractBpmnParseListener {

    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass");
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");
    private static final Set<String> EXTENSION_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    private static final Builder EXPRESSION_PARSER =
            new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        refuseCode(rootElement, "definitions");
    }

    private static void refuseCode(Element element, String where) {
        String id = element.attribute("id") == null ? where : element.attribute("id");
        String tag = element.getTagName();
        if ("scriptTask".equals(tag) || "script".equals(tag)
                || (("conditionExpression".equals(tag) || "condition".equals(tag)) && element.attribute("language") != null)) {
            throw refusal(element, "directive kinds run no scripts: '" + id + "' carries a " + tag
                    + "; use expressions and the documented delegates instead");
        }
        if ("connector".equals(tag) && isExtension(element.getUri())) {
            throw refusal(element, "'" + id + "' calls a connector: a directive kind reaches nothing outside the engine");
        }
        if ("constraint".equals(tag) && "validator".equals(element.attribute("name"))) {
            throw refusal(element, "'" + id + "' names a custom form validator: use required, minlength, maxlength, min, max");
        }
        for (String key : element.attributes()) {
            String attribute = key.substring(key.lastIndexOf(':') + 1);
            String value = element.attribute(key);
            // camunda:class on a BPMN element, or a plain class on a camunda:executionListener
            boolean extension = key.contains(":") ? isExtension(key.substring(0, key.lastIndexOf(':')))
                    : isExtension(element.getUri());
            if (extension && CLASS_ATTRIBUTES.contains(attribute)) {
                throw refusal(element, "'" + id + "' names a Java class in camunda:" + attribute
                        + ": a directive kind names no classes; delegates are " + ModelVocabulary.DELEGATES);
            }
            if (extension && DELEGATE_ATTRIBUTES.contains(attribute)) {
                refuseUnknownDelegate(element, id, attribute, value);
            } else if (isExpression(value)) {
                refuseMethodCalls(element, id, value);
            }
        }
        // documentation and annotations are read by people, never evaluated
        if (!"documentation".equals(tag) && !"text".equals(tag) && isExpression(element.getText())) {
            refuseMethodCalls(element, id, element.getText().strip());
        }
        for (Element child : element.elements()) {
            refuseCode(child, id);
        }
    }

    private static void refuseUnknownDelegate(Element element, String id, String attribute, String value) {
        String name = value == null ? "" : value.strip();
        if (name.startsWith("${") && name.endsWith("}")) {
            name = name.substring(2, name.length() - 1).strip();
        }
        if (!ModelVocabulary.DELEGATES.contains(name)) {
            throw refusal(element, "'" + id + "' names the delegate '" + value + "' in camunda:" + attribute
                    + ": a directive kind may name only " + ModelVocabulary.DELEGATES.stream().sorted().map(d -> "${" + d + "}").toList());
        }
    }

    private static void refuseMethodCalls(Element element, String id, String expression) {
        Node root;
        try {
            root = (Node) EXPRESSION_PARSER.build(expression).getRoot();
        } catch (TreeBuilderException malformed) {
            throw refusal(element, "'" + id + "' holds an expression that cannot be read: " + malformed.getMessage());
        }
        refuseMethodCalls(root, element, id, expression);
    }

    private static void refuseMethodCalls(Node node, Element element, String id, String expression) {
        if (node instanceof AstMethod method && !isVariableRead(method)) {
            throw refusal(element, "'" + id + "' calls a method in '" + expression + "': an expression may read"
                    + " variables (also execution.getVariable('name')) and compare them, nothing else");
        }
        if (node instanceof AstFunction function && !ModelVocabulary.FUNCTIONS.contains(function.getName())) {
            throw refusal(element, "'" + id + "' calls the function '" + function.getName() + "' in '" + expression
                    + "': the functions are " + ModelVocabulary.FUNCTIONS.stream().sorted().toList());
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            refuseMethodCalls(node.getChild(i), element, id, expression);
        }
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

    private static boolean isExtension(String uri) {
        return uri != null && EXTENSION_NAMESPACES.contains(uri);
    }

    private static BpmnParseException refusal(Element element, String message) {
        return new BpmnParseException(message, element);
    }
}
