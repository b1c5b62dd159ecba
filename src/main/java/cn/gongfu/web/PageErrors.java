package cn.gongfu.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors of the HTML pages: a calm page that says what was not found or which parameter was wrong. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(annotations = WebPage.class)
public class PageErrors {

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
        return page(HttpStatus.BAD_REQUEST, "error.badParameter", e.getName() + ": " + e.getValue());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return page(HttpStatus.FORBIDDEN, "error.forbidden", null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
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
}
