# Document I/O: byte sources (file, gzip, zstd), line splitting, the JSON Lines
# and text readers, the JSON writer and the atomic output file.
target_sources(wirespeed_toolkit PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/file_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/decompress.cpp
  ${CMAKE_CURRENT_LIST_DIR}/threaded_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/line_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/utf8.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsonl_record.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_record.cpp
  ${CMAKE_CURRENT_LIST_DIR}/field_names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/input_files.cpp
  ${CMAKE_CURRENT_LIST_DIR}/document_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/output_file.cpp)
