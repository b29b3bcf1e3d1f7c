package org.expoflow.workflow.http;

import java.util.Map;

import org.expoflow.projections.api.ReadModelsRebuilding;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A page asked while the read models are being rebuilt says so, and how far the rebuild has got, rather
 * than a failure (503, ask again in a few seconds): the board and the lists would otherwise show half-built
 * numbers. A rebuild that failed is not waited for: the page says that the figures cannot be shown until an
 * administrator has mended the cause.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class PagesDuringRebuild {

    @ExceptionHandler(ReadModelsRebuilding.class)
    public ModelAndView rebuilding(ReadModelsRebuilding rebuilding, HttpServletResponse response) {
        if (rebuilding.failure() == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        return new ModelAndView("error", Map.of("status", HttpStatus.SERVICE_UNAVAILABLE.value(),
                "rebuiltEvents", Math.max(0, rebuilding.position() + 1), "storedEvents", Math.max(0, rebuilding.head() + 1),
                "rebuildFailed", rebuilding.failure() != null), HttpStatus.SERVICE_UNAVAILABLE);
    }
}
