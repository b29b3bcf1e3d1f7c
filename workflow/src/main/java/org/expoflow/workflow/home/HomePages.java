package org.expoflow.workflow.home;

import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.http.PageDoor;
import java.util.Arrays;

import org.expoflow.workflow.security.provider.NotKnownHere;
import org.expoflow.workflow.security.provider.OpenIdProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, and each role's own home: a city's task list, the coordinator's console, leadership's board, the security administrator's users, the auditor's log. */
@Controller
@PageDoor
public class HomePages {

    private final ObjectProvider<OpenIdProvider> openIdProvider;

    public HomePages(ObjectProvider<OpenIdProvider> openIdProvider) {
        this.openIdProvider = openIdProvider;
    }

    /**
     * The sign-in form, with the identity provider's button when there is one; after the provider vouched for
     * someone ExpoFlow refused, the sentence that says why and whom to ask.
     */
    @GetMapping("/login")
    public String login(@RequestParam(required = false) String refused, Model model) {
        if (openIdProvider.getIfAvailable() != null) {
            model.addAttribute("providerSignIn", OpenIdProvider.SIGN_IN_PATH);
        }
        Arrays.stream(NotKnownHere.Reason.values()).filter(reason -> reason.name().equals(refused)).findFirst()
                .ifPresent(reason -> model.addAttribute("refusal", reason.messageKey()));
        return "login";
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal ExpoFlowUser user) {
        return "redirect:" + homeOf(user);
    }

    public static String homeOf(ExpoFlowUser user) {
        return switch (user.role()) {
            case CITY -> "/tasks";
            case COORDINATOR -> "/console";
            case LEADER, ADMIN -> "/board";
            case SECURITY_ADMIN -> "/admin/users";
            case AUDITOR -> "/audit";
        };
    }
}
