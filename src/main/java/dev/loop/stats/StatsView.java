package dev.loop.stats;

import dev.loop.core.discord.Replies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** The KPI embeds: {@code /stats} and the weekly report (which adds the change from the week before). */
public final class StatsView {

    private StatsView() {}

    /** The {@code /stats} embed; the chart is attached as {@link StatsChart#FILE_NAME}. */
    public static MessageEmbed stats(KpiReport report, int days) {
        EmbedBuilder e = Replies.card(Replies.BRAND)
                .setTitle(Replies.title("KPIs — last " + days + (days == 1 ? " day" : " days")))
                .setDescription(Replies.description(header(report)));
        e.addField("Input", Replies.field(String.join("\n", lines(report, Optional.empty(), true))), false);
        e.addField("Output", Replies.field(String.join("\n", lines(report, Optional.empty(), false))), false);
        e.setImage("attachment://" + StatsChart.FILE_NAME);
        return e.build();
    }

    /** The weekly report embed: this week's numbers with the change from the previous week. */
    public static MessageEmbed weekly(KpiReport thisWeek, KpiReport lastWeek) {
        EmbedBuilder e = Replies.card(Replies.BRAND)
                .setTitle("Weekly KPI report")
                .setDescription(Replies.description(header(thisWeek) + "\nChange from the week before in brackets."));
        Optional<KpiReport> previous = Optional.of(lastWeek);
        e.addField("Input", Replies.field(String.join("\n", lines(thisWeek, previous, true))), false);
        e.addField("Output", Replies.field(String.join("\n", lines(thisWeek, previous, false))), false);
        e.setImage("attachment://" + StatsChart.FILE_NAME);
        return e.build();
    }

    private static String header(KpiReport r) {
        String range = date(r.window().from()) + " – " + date(r.window().to());
        return r.owner().map(o -> range + " · owner <@" + o + ">").orElse(range);
    }

    private static String date(Instant t) {
        return "<t:" + t.getEpochSecond() + ":f>";
    }

    /** One line per metric of a side; promises are one "kept / due" line. */
    static List<String> lines(KpiReport r, Optional<KpiReport> previous, boolean input) {
        Map<Metric, MetricChange> changes = previous.map(p -> {
                    Map<Metric, MetricChange> m = new java.util.EnumMap<>(Metric.class);
                    for (MetricChange c : Kpis.delta(r, p)) m.put(c.metric(), c);
                    return m;
                })
                .orElse(Map.of());
        List<String> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m.isInput() != input || m == Metric.PROMISES_DUE) continue;
            String value = m == Metric.PROMISES_KEPT ? r.promisesText() : r.text(m);
            String line = m.label() + ": **" + value + "**";
            MetricChange c = changes.get(m);
            if (c != null) line += " (" + c.changeText() + ")";
            out.add(line);
        }
        return out;
    }
}
