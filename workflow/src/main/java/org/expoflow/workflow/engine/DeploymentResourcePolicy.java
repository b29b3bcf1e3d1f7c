package org.expoflow.workflow.engine;

import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * A deployment holds directive kinds and what Camunda Modeler sends with them, nothing else: BPMN files
 * (checked by {@link ModelCodeRefusal}), Camunda Forms and diagram images. A CMMN case carries Java
 * listeners, a DMN table can name a script language, an HTML form runs script in the reader's
 * browser, and a script file is code: each is refused, naming the resource, before anything is stored.
 */
class DeploymentResourcePolicy implements Deployer {

    private static final Set<String> ALLOWED_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".form", ".png", ".svg", ".jpg", ".jpeg");

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (String resource : deployment.getResources().keySet()) {
            String name = resource.toLowerCase(Locale.ROOT);
            if (ALLOWED_SUFFIXES.stream().noneMatch(name::endsWith)) {
                throw new NotValidException("the deployment resource '" + resource + "' is not allowed: a deployment"
                        + " holds directive kinds (.bpmn), Camunda Forms (.form) and diagram images only");
            }
        }
    }
}
