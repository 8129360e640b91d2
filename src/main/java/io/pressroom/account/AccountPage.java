package io.pressroom.account;

import io.pressroom.web.PageInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of accounts, for admins. */
@Schema(name = "AccountPage")
public record AccountPage(List<AccountView> items, PageInfo page) {}
