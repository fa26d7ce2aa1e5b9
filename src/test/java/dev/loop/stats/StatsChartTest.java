package dev.loop.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class StatsChartTest {

    @Test
    void drawsAPngOfTheAdvertisedSize() throws Exception {
        List<WeekPoint> weeks = List.of(
                new WeekPoint(LocalDate.of(2025, 3, 3), "2025-W10", 4, 1),
                new WeekPoint(LocalDate.of(2025, 3, 10), "2025-W11", 2, 3));
        byte[] png = StatsChart.png("Captured vs shipped per week", weeks);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(StatsChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(StatsChart.HEIGHT);
    }

    @Test
    void drawsAnEmptyChartToo() throws Exception {
        byte[] png = StatsChart.png("Nothing yet", List.of());
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(StatsChart.WIDTH);
    }
}
