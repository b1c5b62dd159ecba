package cn.gongfu.importing;

import cn.gongfu.ingest.ParserLimits;
import cn.gongfu.web.InvalidParameterException;
import java.io.IOException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an uploaded document into memory only once its size is known to be within the parser's limit.
 * The servlet container spools uploads to disk and refuses only absurd ones (see application.yml), so
 * a 200 MB file reaches this check and gets a clear answer instead of a connection reset.
 */
final class Uploads {

    static final long MAX_BYTES = ParserLimits.DEFAULT.maxFileBytes();

    private Uploads() {}

    static byte[] read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidParameterException("file", "文件为空或未选择文件 the file is missing or empty");
        }
        if (file.getSize() > MAX_BYTES) throw new UploadTooLargeException(file.getSize(), MAX_BYTES);
        return file.getBytes();
    }
}
