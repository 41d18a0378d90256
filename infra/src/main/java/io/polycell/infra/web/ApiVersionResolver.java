package io.polycell.infra.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads the microversion a request asks for, as Nova does: {@code OpenStack-API-Version: compute 2.x}
 * (or the older {@code X-OpenStack-Nova-API-Version: 2.x}); none means 2.1, {@code latest} means the
 * newest shape Polycell models. Only handlers whose answer changed shape take an {@link ApiVersion}.
 */
final class ApiVersionResolver implements HandlerMethodArgumentResolver {

    static final String HEADER = "OpenStack-API-Version";
    static final String LEGACY_HEADER = "X-OpenStack-Nova-API-Version";
    /** Nova Zed's newest microversion, which {@code latest} stands for. */
    static final ApiVersion LATEST = new ApiVersion(2, 93);
    private static final Pattern COMPUTE = Pattern.compile("(?:^|,)\\s*compute\\s+([^,\\s]+)\\s*(?:,|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(ApiVersion.class);
    }

    @Override
    public ApiVersion resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return parse(request.getHeader(HEADER), request.getHeader(LEGACY_HEADER));
    }

    static ApiVersion parse(String header, String legacyHeader) {
        String wanted = null;
        if (header != null) {
            Matcher compute = COMPUTE.matcher(header);
            if (compute.find()) {
                wanted = compute.group(1);
            }
        } else if (legacyHeader != null) {
            wanted = legacyHeader.trim();
        }
        if (wanted == null) {
            return ApiVersion.DEFAULT;
        }
        if ("latest".equalsIgnoreCase(wanted)) {
            return LATEST;
        }
        Matcher number = NUMBER.matcher(wanted);
        if (!number.matches()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "API Version String " + wanted
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        return new ApiVersion(Integer.parseInt(number.group(1)), Integer.parseInt(number.group(2)));
    }
}
