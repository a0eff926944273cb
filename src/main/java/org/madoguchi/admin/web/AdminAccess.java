package org.madoguchi.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.accounts.StaffGroup;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin console is for the {@code admins} group only. Sign-in is the staff console's (the page
 * security sends anyone not signed in to it); a signed-in person outside the group, staff or applicant,
 * gets the 403 page before any admin handler runs.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccess implements WebMvcConfigurer, HandlerInterceptor {

  static final String PATHS = "/admin/**";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/admin", PATHS);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    boolean admin = authentication != null
        && authentication.getPrincipal() instanceof SignedInAccount account
        && account.inGroup(StaffGroup.ADMINS);
    if (!admin) {
      throw new AccessDeniedException("the admin console is for the admins group");
    }
    return true;
  }
}
