# Debian packages (docs/hosting.md, "Installing from packages"): `./run.sh package` builds them
# into dist/. Three packages, as Debian splits a game: the architecture-independent content
# (cyber-accord-data, /usr/share/cyber-accord), the server as a systemd service
# (cyber-accord-server) and the game client (cyber-accord); both depend on the content.
# Programs find the content at ../share/cyber-accord beside themselves (paths/).
include(GNUInstallDirs)
set(ACCORD_PACKAGE_DIR ${CMAKE_SOURCE_DIR}/tools/package)

install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cyber-accord
  COMPONENT data)
install(FILES ${ACCORD_PACKAGE_DIR}/cyber-accord-server.service
  DESTINATION /lib/systemd/system COMPONENT server)
install(FILES ${ACCORD_PACKAGE_DIR}/server.conf DESTINATION /etc/cyber-accord COMPONENT server)
install(FILES ${CMAKE_SOURCE_DIR}/docs/hosting.md ${CMAKE_SOURCE_DIR}/docs/privacy.md
  ${CMAKE_SOURCE_DIR}/docs/security.md
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/cyber-accord-server COMPONENT server)
install(FILES ${ACCORD_PACKAGE_DIR}/cyber-accord.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT client)
install(FILES ${ACCORD_PACKAGE_DIR}/cyber-accord.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT client)

# Each package's copyright and changelog (Debian policy 12.5, 12.7), the changelog compressed
# reproducibly (gzip -n: no name or time inside).
set(ACCORD_CHANGELOG_GZ ${CMAKE_BINARY_DIR}/package/changelog.gz)
add_custom_command(OUTPUT ${ACCORD_CHANGELOG_GZ}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/package
  COMMAND gzip -9n -c ${ACCORD_PACKAGE_DIR}/debian/changelog > ${ACCORD_CHANGELOG_GZ}
  DEPENDS ${ACCORD_PACKAGE_DIR}/debian/changelog VERBATIM)
set(ACCORD_PACKAGE_FILES ${ACCORD_CHANGELOG_GZ})

foreach(component_package data:cyber-accord-data server:cyber-accord-server client:cyber-accord)
  string(REPLACE ":" ";" pair ${component_package})
  list(GET pair 0 component)
  list(GET pair 1 package)
  install(FILES ${ACCORD_PACKAGE_DIR}/debian/copyright ${ACCORD_CHANGELOG_GZ}
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()

# Manual pages from each program's --help (help2man), when help2man is there.
find_program(ACCORD_HELP2MAN help2man)
# Not in the sanitizer build: nothing packages it, and its programs report leaks on exit.
if(ACCORD_HELP2MAN AND NOT ACCORD_SANITIZE)
  set(ACCORD_MAN_PAGES
    "accord-server:server:1:host Cyber Accord rooms for a class, a club or online play"
    "accord-content:server:1:check Cyber Accord content folders and list scenarios"
    "accord-score:server:1:score a drafted Cyber Accord code of conduct"
    "accord-report:server:1:print Cyber Accord role cards, lesson plans and debrief reports"
    "accord-bot:server:1:play Cyber Accord rooms with bot clients (a load generator)"
    "accord:client:6:the Cyber Accord negotiation game")
  foreach(entry ${ACCORD_MAN_PAGES})
    string(REPLACE ":" ";" fields "${entry}")
    list(GET fields 0 program)
    list(GET fields 1 component)
    list(GET fields 2 section)  # 6: games
    list(GET fields 3 summary)
    if(NOT TARGET ${program})
      continue()
    endif()
    set(page ${CMAKE_BINARY_DIR}/package/${program}.${section}.gz)
    add_custom_command(OUTPUT ${page}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/package
      COMMAND ${CMAKE_COMMAND} -E env SDL_VIDEODRIVER=offscreen
        ${ACCORD_HELP2MAN} --no-info --no-discard-stderr --section=${section}
        --version-string=${PROJECT_VERSION} --name=${summary}
        --output=${CMAKE_BINARY_DIR}/package/${program}.${section} $<TARGET_FILE:${program}>
      COMMAND gzip -9n -f ${CMAKE_BINARY_DIR}/package/${program}.${section}
      DEPENDS ${program} VERBATIM)
    list(APPEND ACCORD_PACKAGE_FILES ${page})
    install(FILES ${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section} COMPONENT ${component})
  endforeach()
endif()
add_custom_target(accord_package_files ALL DEPENDS ${ACCORD_PACKAGE_FILES})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cyber-accord)
set(CPACK_PACKAGE_VENDOR "The Cyber Accord developers")
set(CPACK_PACKAGE_CONTACT "Cyber Accord developers <cyber-accord@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL data server client)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION games)  # the server and the content: net and games
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/cyber-accord/cyber-accord")
# The shared libraries' packages, found by dpkg-shlibdeps from the programs themselves.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)

set(CPACK_DEBIAN_DATA_PACKAGE_NAME cyber-accord-data)
set(CPACK_DEBIAN_DATA_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_DATA_PACKAGE_SHLIBDEPS OFF)
set(CPACK_COMPONENT_DATA_DESCRIPTION
  "Cyber Accord: scenarios, state profiles and clauses
The content shared by the Cyber Accord game and its server: the conference
scenarios, the states' negotiating profiles, the clause library and its scoring
rubric, the bots' phrases and the game's text.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME cyber-accord-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "cyber-accord-data (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
  ${ACCORD_PACKAGE_DIR}/debian/server/postinst ${ACCORD_PACKAGE_DIR}/debian/server/prerm
  ${ACCORD_PACKAGE_DIR}/debian/server/postrm ${ACCORD_PACKAGE_DIR}/debian/server/conffiles)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
  "Cyber Accord game server, as a systemd service
Hosts Cyber Accord rooms for a class, a club or online play: students' games
connect over UDP and join a room by its code. Every accepted action is saved
before anyone hears of it, and a restart resumes every match. The service reads
/etc/cyber-accord/server.conf, keeps its data in /var/lib/cyber-accord and
answers /healthz, /metrics (Prometheus) and /rooms on 127.0.0.1:7880.
Also: accord-content, accord-score, accord-report and the accord-bot load
generator.")

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME cyber-accord)
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS
  "cyber-accord-data (= ${PROJECT_VERSION}), fonts-dejavu-core")
set(CPACK_COMPONENT_CLIENT_DESCRIPTION
  "negotiation game on a code of conduct for cyberspace
Players represent states at an international conference and draft, amend,
debate and vote on a code of conduct for cyberspace: alone against bots,
online by a join code, or in a class led by a teacher. Each adopted code is
scored for multilateral, transparent governance, clause by clause.")
include(CPack)
