package dev.loop.stats;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The captured-vs-shipped-per-week bar chart as a PNG, drawn without a display. */
public final class StatsChart {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 400;
    public static final String FILE_NAME = "kpis.png";

    static {
        // a server has no display; AWT must not try to find one
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private StatsChart() {}

    /** The PNG bytes, {@link #WIDTH} × {@link #HEIGHT}. */
    public static byte[] png(String title, List<WeekPoint> weeks) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (WeekPoint w : weeks) {
            data.addValue(w.captured(), "Captured", w.label());
            data.addValue(w.shipped(), "Shipped", w.label());
        }
        JFreeChart chart = ChartFactory.createBarChart(
                title, "Week", "Issues", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xF7F7F9));
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (weeks.size() > 8) plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x5865F2));
        renderer.setSeriesPaint(1, new Color(0x23A55A));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
