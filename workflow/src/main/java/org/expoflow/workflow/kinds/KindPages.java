package org.expoflow.workflow.kinds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN's page of the directive kinds ({@code /admin/kinds}): a BPMN file uploaded with its Chinese and English
 * words, through {@link DirectiveKindDeployment} as the API's upload goes; and every kind as the catalogue reads it,
 * with its versions, its steps (who does each, what each asks), and the figures it collects with their units. A
 * model the allow-list refuses is told in words under the file's field, and nothing is deployed. Like the register's
 * and the users' pages, it sits beside its service; {@code /admin} links to it.
 */
@Controller
@PageDoor
@PreAuthorize("hasRole('ADMIN')")
class KindPages {

    private final DirectiveKindCatalogue catalogue;
    private final DirectiveKindDeployment deployment;
    private final PageErrors pageErrors;

    KindPages(DirectiveKindCatalogue catalogue, DirectiveKindDeployment deployment, PageErrors pageErrors) {
        this.catalogue = catalogue;
        this.deployment = deployment;
        this.pageErrors = pageErrors;
    }

    /** A kind as the page lists it: what the catalogue says of it, and its versions. */
    record ListedKind(DirectiveKind kind, List<DirectiveKindCatalogue.KindVersion> versions) {
    }

    @GetMapping("/admin/kinds")
    String kinds(Model model) {
        model.addAttribute("kinds", catalogue.all().stream()
                .map(kind -> new ListedKind(kind, catalogue.versions(kind.key()))).toList());
        return "admin/kinds";
    }

    /** The file goes as uploaded; the words go under the names a deployment knows them by, whatever the files were called. */
    @PostMapping("/admin/kinds")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) MultipartFile textsZh,
                  @RequestParam(required = false) MultipartFile textsEn, RedirectAttributes redirect) {
        Map<String, byte[]> texts = new LinkedHashMap<>();
        if (textsZh != null && !textsZh.isEmpty()) {
            texts.put("texts_zh.properties", bytes(textsZh));
        }
        if (textsEn != null && !textsEn.isEmpty()) {
            texts.put("texts_en.properties", bytes(textsEn));
        }
        List<DirectiveKind> deployed = new java.util.ArrayList<>();
        boolean done = pageErrors.attempt(redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw org.expoflow.commands.api.DomainRuleViolation.invalid("file", "choose the .bpmn file").coded("kindFileNotChosen");
            }
            deployed.addAll(deployment.deploy(file.getOriginalFilename(), bytes(file), texts));
        });
        if (done) {
            redirect.addFlashAttribute(PageErrors.DONE, deployed.isEmpty() ? "kindUnchanged" : "kindDeployed");
            redirect.addFlashAttribute("deployedKinds", deployed.stream().map(DirectiveKind::key).toList());
        }
        return "redirect:/admin/kinds";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException unread) {
            throw new UncheckedIOException(unread);
        }
    }
}
