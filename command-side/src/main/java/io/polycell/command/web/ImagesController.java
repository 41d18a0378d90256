package io.polycell.command.web;

import io.polycell.command.image.ImageCatalog;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.image.ImageSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Nova's image proxy API over the built-in catalog. */
@RestController
@RequestMapping("/v2.1/images")
class ImagesController {

    private static final String CREATED = "2026-01-01T00:00:00Z";
    private final ImageCatalog images;

    ImagesController(ImageCatalog images) {
        this.images = images;
    }

    @GetMapping
    Map<String, Object> list(Requester requester) {
        return Map.of("images", images.all().stream().map(image -> summary(image, base())).toList());
    }

    @GetMapping("/detail")
    Map<String, Object> detail(Requester requester) {
        return Map.of("images", images.all().stream().map(image -> detail(image, base())).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id, Requester requester) {
        ImageSpec image = images.find(id)
                .orElseThrow(() -> new PolycellException(ErrorCode.NOT_FOUND, "Image not found."));
        return Map.of("image", detail(image, base()));
    }

    private static Map<String, Object> summary(ImageSpec image, String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", image.id());
        json.put("name", image.name());
        json.put("links", links(image, base));
        return json;
    }

    private static Map<String, Object> detail(ImageSpec image, String base) {
        Map<String, Object> json = summary(image, base);
        json.put("status", "ACTIVE");
        json.put("progress", 100);
        json.put("minDisk", image.minDiskGb());
        json.put("minRam", image.minRamMb());
        json.put("created", CREATED);
        json.put("updated", CREATED);
        json.put("OS-EXT-IMG-SIZE:size", image.sizeBytes());
        json.put("metadata", image.properties());
        return json;
    }

    private static List<Map<String, String>> links(ImageSpec image, String base) {
        return List.of(Map.of("rel", "self", "href", base + "/v2.1/images/" + image.id()),
                Map.of("rel", "bookmark", "href", base + "/images/" + image.id()),
                Map.of("rel", "alternate", "type", "application/vnd.openstack.image",
                        "href", base.replaceFirst(":\\d+$", ":9292") + "/images/" + image.id()));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
