package io.pressroom.report;

import io.pressroom.web.PageInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of reports, newest first, for editors. */
@Schema(name = "ReportPage")
public record ReportPage(List<ReportView> items, PageInfo page) {}
