package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import dev.compatmatrix.base.ui.TopBarPart;
import dev.compatmatrix.security.CurrentUser;
import dev.compatmatrix.security.ThemeService;
import dev.compatmatrix.watch.WatchService;
import dev.compatmatrix.watch.ui.SinceLastVisitEntry;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame of every signed-in screen: a drawer with the screens this user may open (the menu lists only
 * views that pass access control), "Since your last visit" (which opens itself on a session's first screen when
 * something watched changed), and a user menu with the colour theme and sign-out. The drawer collapses on a phone.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    final SideNav navigation = new SideNav();
    final MenuBar userMenu = new MenuBar();

    public MainLayout(
            CurrentUser currentUser,
            WatchService watches,
            ThemeService themes,
            ObjectProvider<TopBarPart> topBarParts) {
        setPrimarySection(Section.DRAWER);
        H1 title = new H1("Compatibility Matrix");
        title.addClassName("app-title");
        addToDrawer(title, navigation);
        MenuConfiguration.getMenuEntries().forEach(entry -> navigation.addItem(item(entry)));

        userMenu.setId("user-menu");
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        var root = userMenu.addItem(new Span(new Icon(VaadinIcon.USER), new Span(" " + currentUser.username())));
        root.getSubMenu()
                .addItem(new Span("Roles: " + String.join(", ", currentUser.roles())))
                .setEnabled(false);
        ThemeMenu.addTo(root.getSubMenu(), themes);
        root.getSubMenu()
                .addItem("Your account", click -> getUI().ifPresent(ui -> ui.navigate(AccountView.class)))
                .setId("account");
        root.getSubMenu().addItem("Sign out", click -> currentUser.logout()).setId("logout");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), new Span());
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        topBarParts.orderedStream().forEach(part -> header.addToEnd(part.create()));
        header.addToEnd(new SinceLastVisitEntry(watches), userMenu);
        header.addClassName("app-header");
        addToNavbar(true, header);
    }

    /** The screen shown is the page's main landmark, so assistive technology can jump to it. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        content.getElement().setAttribute("role", "main");
    }

    private static SideNavItem item(MenuEntry entry) {
        return entry.icon() == null
                ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }
}
