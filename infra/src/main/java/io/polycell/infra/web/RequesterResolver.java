package io.polycell.infra.web;

import io.polycell.messages.common.Requester;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Authenticates like Nova's noauth2: {@code X-Auth-Token: user:project} (a bare {@code user} means
 * the project of the same name), and the user {@code admin} is an admin. A handler that takes a
 * {@link Requester} needs a token; one without it answers 401.
 */
final class RequesterResolver implements HandlerMethodArgumentResolver {

    static final String TOKEN_HEADER = "X-Auth-Token";
    static final String ADMIN = "admin";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Requester.class);
    }

    @Override
    public Requester resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                     NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return parse(request.getHeader(TOKEN_HEADER));
    }

    static Requester parse(String token) {
        if (token == null || token.isBlank()) {
            throw new UnauthorizedException();
        }
        String[] parts = token.trim().split(":", 2);
        String user = parts[0];
        String project = parts.length == 2 && !parts[1].isBlank() ? parts[1] : user;
        if (user.isBlank()) {
            throw new UnauthorizedException();
        }
        return new Requester(user, project, ADMIN.equals(user));
    }

    /** No usable token. */
    static final class UnauthorizedException extends RuntimeException {
        UnauthorizedException() {
            super("The request you have made requires authentication.", null, false, false);
        }
    }
}
