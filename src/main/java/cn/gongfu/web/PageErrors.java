package cn.gongfu.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors of the HTML pages: a calm page that says what was not found or which parameter was wrong. */
@ControllerAdvice(annotations = WebPage.class)
public class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        ModelAndView mv = new ModelAndView("error/page", HttpStatus.NOT_FOUND);
        mv.addObject("status", 404);
        mv.addObject("messageKey", "error.notFound");
        mv.addObject("detail", e.resource() + " " + e.id());
        return mv;
    }

    @ExceptionHandler({InvalidParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badRequest(Exception e) {
        String field = e instanceof InvalidParameterException ip ? ip.field()
                : ((MethodArgumentTypeMismatchException) e).getName();
        ModelAndView mv = new ModelAndView("error/page", HttpStatus.BAD_REQUEST);
        mv.addObject("status", 400);
        mv.addObject("messageKey", "error.badParameter");
        mv.addObject("detail", field);
        return mv;
    }
}
