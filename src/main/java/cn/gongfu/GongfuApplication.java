package cn.gongfu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GongfuApplication {

    public static void main(String[] args) {
        SpringApplication.run(GongfuApplication.class, args);
    }
}
