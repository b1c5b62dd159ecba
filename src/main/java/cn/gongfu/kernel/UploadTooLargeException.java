package cn.gongfu.kernel;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An upload over its size limit: 413 in the API naming the field {@code file}, a message on the form. Every
 * upload (plan documents, report templates, evidence, survey sheets, and what the container refuses outright)
 * ends in this one exception, so they all answer alike.
 */
public class UploadTooLargeException extends ProblemException {

    /** {@code size} is -1 where the container stopped reading before the size was known. */
    public UploadTooLargeException(long size, long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "too-large", size < 0
                ? BundleText.joined("; ", "upload.tooLarge", mb(limit))
                : BundleText.joined("; ", "upload.tooLargeBy", mb(size), mb(limit)));
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", "file");
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
