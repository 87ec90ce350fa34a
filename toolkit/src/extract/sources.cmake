# Extractors. The default pattern lists live in corpora/patterns/ as data; they
# are compiled into the library (builtin_data.cpp, generated at configure time)
# so that the tool works from any directory.
set(_ws_entries "")
# Appends corpora/<dir>/<name><ext> to the generated table under key <prefix><name>.
function(wirespeed_embed_lists dir ext prefix)
  foreach(list_name IN LISTS ARGN)
    set(_ws_file ${PROJECT_SOURCE_DIR}/corpora/${dir}/${list_name}${ext})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_ws_file})
    file(READ ${_ws_file} _ws_content)
    string(APPEND _ws_entries
           "    {\"${prefix}${list_name}\", R\"wirespeed_data(${_ws_content})wirespeed_data\"},\n")
  endforeach()
  set(_ws_entries "${_ws_entries}" PARENT_SCOPE)
endfunction()
wirespeed_embed_lists(patterns .txt "" boilerplate reporting_verbs speaker_titles months aliases
                      quantities dates time_units)
# Gazetteers, as "gazetteer/<name>".
wirespeed_embed_lists(gazetteer .tsv gazetteer/ places places_extra organizations people)
set(_ws_data_cpp ${CMAKE_CURRENT_BINARY_DIR}/generated/builtin_data.cpp)
configure_file(${CMAKE_CURRENT_LIST_DIR}/builtin_data.cpp.in ${_ws_data_cpp} @ONLY)

target_sources(wirespeed_toolkit PRIVATE
  ${_ws_data_cpp}
  ${CMAKE_CURRENT_LIST_DIR}/common/text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/common/dates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/common/word_list.cpp
  ${CMAKE_CURRENT_LIST_DIR}/common/lexicon.cpp
  ${CMAKE_CURRENT_LIST_DIR}/common/digit_starts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/common/occurrences.cpp
  ${CMAKE_CURRENT_LIST_DIR}/extractor_set.cpp
  ${CMAKE_CURRENT_LIST_DIR}/output.cpp
  ${CMAKE_CURRENT_LIST_DIR}/boilerplate/boilerplate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/boilerplate/line_phrases.cpp
  ${CMAKE_CURRENT_LIST_DIR}/metadata/metadata.cpp
  ${CMAKE_CURRENT_LIST_DIR}/metadata/byline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quotes/quotes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quotes/marks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quotes/utterance.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quotes/attribution.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quotes/speaker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantities/quantities.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantities/numbers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantities/events.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dates/dates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dates/resolve.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/entities.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/lone_words.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/name_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/cues.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/gazetteer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/edit_distance.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/deletion_index.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/name_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entities/mine.cpp)
# find_occurrences' kernels (extract/common/occurrences_kernel.hpp), one
# object library per ISA.
wirespeed_add_isa_kernels(wirespeed_toolkit ${CMAKE_CURRENT_LIST_DIR}/common/isa/occurrences_ISA.cpp)
