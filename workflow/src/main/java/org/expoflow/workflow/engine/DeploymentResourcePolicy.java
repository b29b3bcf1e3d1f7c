package org.expoflow.workflow.engine;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * A deployment holds directive kinds and what Camunda Modeler sends with them, nothing else: BPMN files
 * (checked by {@link ModelCodeRefusal}), Camunda Forms and diagram images. A CMMN case carries Java
 * listeners, a DMN table can name a script language, an HTML form runs script in the reader's
 * browser, and a script file is code: each is refused, naming the resource, before anything is stored.
 */
public class DeploymentResourcePolicy implements Deployer {

    private static final Set<String> ALLOWED_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".form", ".png", ".svg", ".jpg", ".jpeg");
    /** A kind's own words in a language, as plain properties: data, never code. */
    public static final Pattern KIND_TEXTS = Pattern.compile("texts_[a-z]{2,3}(_[A-Z]{2})?\\.properties");

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (String resource : deployment.getResources().keySet()) {
            String name = resource.toLowerCase(Locale.ROOT);
            if (ALLOWED_SUFFIXES.stream().noneMatch(name::endsWith) && !KIND_TEXTS.matcher(resource).matches()) {
                throw new NotValidException("the deployment resource '" + resource + "' is not allowed: a deployment"
                        + " holds directive kinds (.bpmn), Camunda Forms (.form), diagram images and the kind's texts"
                        + " (texts_zh.properties) only");
            }
        }
    }
}
