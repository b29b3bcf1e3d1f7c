package org.expoflow.workflow.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The details of a sign-in on the pages' form, told apart from the API's HTTP Basic, whose every request signs in. */
public class SignInFormDetails extends WebAuthenticationDetails {

    SignInFormDetails(HttpServletRequest request) {
        super(request);
    }
}
