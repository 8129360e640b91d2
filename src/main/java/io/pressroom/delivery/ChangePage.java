package io.pressroom.delivery;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch of changes and the cursor to poll with next (never null). */
@Schema(name = "ChangePage")
public record ChangePage(List<ChangeItem> items, String next) {}
