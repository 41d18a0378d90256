package io.polycell.infra.web;

import io.polycell.command.routing.Outcomes;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error, in one place, as Nova's error body: {@code {"badRequest": {"code": 400, "message":
 * ...}}}. Expected refusals keep their message; anything unexpected is logged with an id and answered
 * with a 500 that carries the id, never a stack trace.
 */
@RestControllerAdvice
class NovaErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(NovaErrorAdvice.class);

    @ExceptionHandler(RequesterResolver.UnauthorizedException.class)
    ResponseEntity<Map<String, Object>> unauthorized(RequesterResolver.UnauthorizedException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", 401);
        error.put("title", "Unauthorized");
        error.put("message", e.getMessage());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Keystone uri=\"\"")
                .body(Map.of("error", error));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "Malformed request body");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.BAD_REQUEST, "Unsupported Content-Type");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "The resource could not be found.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "The method specified is not allowed for this resource.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> any(Exception e) {
        Optional<PolycellError> refusal = Outcomes.refusal(e);
        if (refusal.isPresent()) {
            return body(status(refusal.get().code()), refusal.get().message());
        }
        if (e instanceof AggregateNotFoundException) {
            return body(HttpStatus.NOT_FOUND, "The resource could not be found.");
        }
        String id = UUID.randomUUID().toString();
        log.error("Unexpected API error {}", id, e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected API Error. Please report this to the operator with the error id " + id + ".");
    }

    private static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case CONFLICT, BUILD_CANCELLED, HOST_CAPACITY_EXCEEDED, GROUP_POLICY_VIOLATED -> HttpStatus.CONFLICT;
        };
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("message", message);
        return ResponseEntity.status(status).body(Map.of(faultName(status), error));
    }

    private static String faultName(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "badRequest";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "itemNotFound";
            case METHOD_NOT_ALLOWED -> "badMethod";
            case CONFLICT -> "conflictingRequest";
            case PAYLOAD_TOO_LARGE, TOO_MANY_REQUESTS -> "overLimit";
            case UNSUPPORTED_MEDIA_TYPE -> "badMediaType";
            case NOT_IMPLEMENTED -> "notImplemented";
            case SERVICE_UNAVAILABLE -> "serviceUnavailable";
            default -> "computeFault";
        };
    }
}
