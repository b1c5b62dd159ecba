package cn.gongfu.importing;

/** An upload over the import's size limit: 413 in the API, a message on the form. */
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(long size, long limit) {
        super("文件过大（" + (size >> 20) + " MB），上限为 " + (limit >> 20) + " MB; the file is "
                + (size >> 20) + " MB, larger than the " + (limit >> 20) + " MB an upload may have");
    }
}
