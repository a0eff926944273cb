package org.madoguchi.workflow;

import io.camunda.client.annotation.Deployment;
import org.springframework.context.annotation.Configuration;

/**
 * Deploys the models from bpmn/ and forms/ (packaged under models/) in one deployment at start-up,
 * so forms exist before any instance that links them. The engine skips unchanged resources.
 */
@Configuration
@Deployment(resources = {"classpath*:/models/*.bpmn", "classpath*:/models/*.dmn", "classpath*:/models/*.form"})
class ProcessModels {}
