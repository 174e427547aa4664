package io.sesanalytics.jobs.sessync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to change in SES's account-level suppression list so that it holds the night's suppressed addresses:
 * <ul>
 *   <li>{@code puts}: addresses we suppress that SES does not list, with our reason;</li>
 *   <li>{@code deletes}: addresses this tool added that we no longer suppress and that SES still lists;
 *   an address added in SES some other way is never deleted;</li>
 *   <li>{@code forgotten}: addresses this tool added that we no longer suppress and that SES no longer lists
 *   (removed in SES by someone): nothing to call, they only leave the record.</li>
 * </ul>
 * SES compares addresses without regard to case; ours are lower-cased.
 */
public record SesSyncPlan(Map<String, String> puts, List<String> deletes, List<String> forgotten) {
    public SesSyncPlan {
        puts = new TreeMap<>(puts);
        deletes = List.copyOf(deletes);
        forgotten = List.copyOf(forgotten);
    }

    /**
     * @param ours  the night's suppressed addresses with their reason (BOUNCE or COMPLAINT)
     * @param ses   the addresses SES lists, with their reason
     * @param added the addresses this tool added to SES and has not removed since
     */
    public static SesSyncPlan of(Map<String, String> ours, Map<String, String> ses, Iterable<String> added) {
        Map<String, String> listed = new TreeMap<>();
        ses.forEach((address, reason) -> listed.put(lower(address), reason));
        Map<String, String> puts = new TreeMap<>();
        ours.forEach((address, reason) -> {
            if (!listed.containsKey(lower(address))) {
                puts.put(address, reason);
            }
        });
        List<String> deletes = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        for (String address : added) {
            if (!ours.containsKey(address)) {
                (listed.containsKey(lower(address)) ? deletes : forgotten).add(address);
            }
        }
        deletes.sort(null);
        forgotten.sort(null);
        return new SesSyncPlan(puts, deletes, forgotten);
    }

    public boolean isEmpty() {
        return puts.isEmpty() && deletes.isEmpty() && forgotten.isEmpty();
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
