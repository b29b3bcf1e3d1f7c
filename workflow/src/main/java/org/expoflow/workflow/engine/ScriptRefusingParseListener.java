package org.expoflow.workflow.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Directive kinds run no scripts: a BPMN file that carries one (a script task, a script listener or
 * input/output, a scripted condition) is refused at deployment, naming the element. Expressions
 * ({@code ${unitId}}, {@code ${decision == 'RETURN'}}) are not scripts and stay allowed.
 */
class ScriptRefusingParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        refuseScripts(processElement, processElement.attribute("id"));
    }

    private static void refuseScripts(Element element, String where) {
        String id = element.attribute("id") == null ? where : element.attribute("id");
        String name = element.getTagName();
        boolean script = "scriptTask".equals(name) || "script".equals(name)
                || ("conditionExpression".equals(name) && element.attribute("language") != null);
        if (script) {
            throw new ProcessEngineException("directive kinds run no scripts: element '" + id + "' of process '"
                    + where + "' carries a " + name + "; use expressions and the documented delegates instead");
        }
        for (Element child : element.elements()) {
            refuseScripts(child, "process".equals(name) ? element.attribute("id") : where);
        }
    }
}
