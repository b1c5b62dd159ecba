package cn.gongfu.web;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.WebPage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors of the HTML pages: a calm page that says what was not found or which parameter was wrong. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(annotations = WebPage.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "error.notFound", e.resource() + " " + e.id());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView invalid(InvalidParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "error.badParameter", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, "error.badParameter", e.getName() + ": " + shorten(String.valueOf(e.getValue())));
    }

    /** A page called without a parameter it needs ({@code /dashboard/tasks} without {@code plan}). */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "error.badParameter", e.getParameterName() + ": " + BundleText.both("rules.required"));
    }

    /** A form object or parameter that breaks its declared rules, where the page has no form to show them on. */
    @ExceptionHandler({BindException.class, HandlerMethodValidationException.class})
    ModelAndView invalidFields(Exception e) {
        var errors = e instanceof BindException b ? FieldErrors.of(b.getBindingResult()) : FieldErrors.of((HandlerMethodValidationException) e);
        return page(HttpStatus.BAD_REQUEST, "error.badParameter",
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ModelAndView tooLarge(UploadTooLargeException e) {
        return page(HttpStatus.CONTENT_TOO_LARGE, "error.badParameter", "file: " + e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return page(HttpStatus.FORBIDDEN, "error.forbidden", null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        // Spring's own request errors (wrong method, unsupported type…) keep their 4xx status
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return page(HttpStatus.valueOf(response.getStatusCode().value()), "error.badParameter", response.getBody().getDetail());
        }
        log.error("Page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", null);
    }

    private static ModelAndView page(HttpStatus status, String messageKey, String detail) {
        ModelAndView mv = new ModelAndView("error", status);
        mv.addObject("status", status.value());
        mv.addObject("messageKey", messageKey);
        mv.addObject("detail", detail);
        return mv;
    }

    /** What was sent, cut to a few dozen characters: enough to recognise, never a 100,000-character echo. */
    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
