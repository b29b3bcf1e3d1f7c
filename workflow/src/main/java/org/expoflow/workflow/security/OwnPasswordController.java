package org.expoflow.workflow.security;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A person's change of their own password over the API: the one request open while a change is due. */
@RestController
@Tag(name = "Users")
public class OwnPasswordController {

    private final UserAdministration administration;

    public OwnPasswordController(UserAdministration administration) {
        this.administration = administration;
    }

    public record PasswordChange(String currentPassword, String password) {
    }

    @PutMapping("/api/me/password")
    @Operation(summary = "Change one's own password, giving the present one: 8 to 100 characters of 3 classes, none of the last 5")
    public ResponseEntity<Void> change(Authentication authentication, @RequestBody PasswordChange change) {
        administration.changeOwnPassword(authentication.getName(), change.currentPassword(), change.password(), null);
        return ResponseEntity.noContent().build();
    }
}
