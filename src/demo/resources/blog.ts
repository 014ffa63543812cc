import { defineIn } from '@admin-hub/engine/resources/define';
import { inRequestLanguage } from '@admin-hub/engine/resources/label';

// Overlays on the blog's catalog, which gives types, NULLs, defaults, keys, foreign keys, names and row types (src/demo/rows).
// Words operators read come in English and Korean ({ en, ko }: a Label; leaving one language out fails the type-check).
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const blog = defineIn('blog');

export const blogResources = [
  blog('posts', {
    title: { en: 'Posts', ko: '게시물' },
    singular: { en: 'Post', ko: '게시물' },
    subtitle: { en: 'Articles, drafts and archived posts', ko: '기사, 초안, 보관된 게시물' },
    icon: 'file-text',
    softDelete: 'deleted_at',
    list: ['id', 'title', 'author_id', 'status', 'published', 'word_count', 'created_at'],
    search: ['id', 'title', 'slug'],
    columns: [
      { name: 'id', label: { en: 'ID', ko: 'ID' } },
      { name: 'created_at', label: { en: 'Created', ko: '작성일' } },
      { name: 'updated_at', label: { en: 'Updated', ko: '수정일' } },
      { name: 'deleted_at', label: { en: 'Deleted', ko: '삭제일' } },
      { name: 'title', label: { en: 'Title', ko: '제목' } },
      { name: 'author_id', label: { en: 'Author', ko: '작성자' } },
      {
        name: 'slug',
        label: { en: 'Slug', ko: '슬러그' },
        help: {
          en: 'The end of the post’s address: lower-case words joined by dashes.',
          ko: '게시물 주소의 끝부분입니다. 소문자 단어를 대시(-)로 이어 씁니다.',
        },
      },
      { name: 'body', label: { en: 'Body', ko: '본문' }, input: 'markdown', display: 'markdown' }, // typed with a Markdown preview, shown rendered
      {
        name: 'status',
        label: { en: 'Status', ko: '상태' },
        optionLabels: { draft: { en: 'draft', ko: '초안' }, published: { en: 'published', ko: '게시됨' }, archived: { en: 'archived', ko: '보관됨' } },
      },
      { name: 'published', label: { en: 'Published', ko: '게시 여부' } },
      { name: 'tags', label: { en: 'Tags', ko: '태그' } },
      { name: 'metadata', label: { en: 'Metadata', ko: '메타데이터' } },
      { name: 'word_count', label: { en: 'Words', ko: '단어 수' } },
    ],
    fieldsets: [
      { title: { en: 'Post', ko: '게시물' }, columns: ['title', 'slug', 'author_id', 'body'] },
      {
        title: { en: 'Publishing', ko: '게시 설정' },
        description: { en: 'Whether readers see it, and how it is filed.', ko: '독자에게 보이는지, 어떻게 분류되는지 정합니다.' },
        columns: ['status', 'published', 'tags'],
      },
    ],
    // Beyond each column's type (Django's clean()): shown on the form with the engine's own messages, all at once.
    // Its words in the operator's language (inRequestLanguage), like the engine's own.
    validate: (values, { row }) => ({
      slug:
        values.slug != null && !SLUG.test(values.slug)
          ? inRequestLanguage({
              en: 'Lower-case letters and digits, words joined by single dashes ("my-first-post").',
              ko: '소문자와 숫자만, 단어는 대시 하나로 이어 씁니다 ("my-first-post").',
            })
          : undefined,
      body:
        (values.status ?? row?.status) === 'published' && !(values.body ?? row?.body)?.trim()
          ? inRequestLanguage({ en: 'A published post needs a body.', ko: '게시된 게시물에는 본문이 있어야 합니다.' })
          : undefined,
    }),
    // A changed status sets `published` to match, in the save's transaction: the audit entry records both.
    hooks: { beforeSave: ({ values }) => void (values.status != null && (values.published = values.status === 'published')) },
    // Run by the blog's own service (BLOG_INTERNAL_URL; the embedded demo starts one): admins only.
    internalActions: {
      'regenerate-summary': { label: { en: 'Regenerate summary', ko: '요약 다시 만들기' } },
      'send-notification': {
        label: { en: 'Send notification', ko: '알림 보내기' },
        confirm: { en: 'Send a notification about this post to its subscribers?', ko: '이 게시물의 알림을 구독자에게 보낼까요?' },
      },
    },
  }),
  blog('authors', {
    title: { en: 'Authors', ko: '작성자' },
    singular: { en: 'Author', ko: '작성자' },
    icon: 'users',
    iconColor: 'violet',
    softDelete: 'deleted_at',
    defaultSort: { column: 'name', direction: 'asc' },
    list: ['id', 'name', 'email', 'created_at'],
    search: ['name', 'email'],
    columns: [
      { name: 'id', label: { en: 'ID', ko: 'ID' } },
      { name: 'updated_at', label: { en: 'Updated', ko: '수정일' } },
      { name: 'deleted_at', label: { en: 'Deleted', ko: '삭제일' } },
      { name: 'name', label: { en: 'Name', ko: '이름' } },
      { name: 'email', label: { en: 'Email', ko: '이메일' } },
      { name: 'bio', label: { en: 'Bio', ko: '소개' } },
      { name: 'created_at', label: { en: 'Joined', ko: '가입일' } },
    ],
    inlines: [{ resource: 'posts', columns: ['title', 'status', 'word_count', 'created_at'] }], // the author's posts, newest first
  }),
  blog('comments', {
    title: { en: 'Comments', ko: '댓글' },
    singular: { en: 'Comment', ko: '댓글' },
    icon: 'message-square',
    iconColor: 'amber',
    search: ['author_name', 'body'],
    columns: [
      { name: 'id', label: { en: 'ID', ko: 'ID' } },
      { name: 'created_at', label: { en: 'Created', ko: '작성일' } },
      { name: 'post_id', label: { en: 'Post', ko: '게시물' } },
      { name: 'author_name', label: { en: 'Author name', ko: '작성자 이름' } },
      { name: 'body', label: { en: 'Body', ko: '내용' }, list: true },
      { name: 'approved', label: { en: 'Approved', ko: '승인됨' } },
    ],
  }),
  blog('tags', {
    title: { en: 'Tags', ko: '태그' },
    singular: { en: 'Tag', ko: '태그' },
    icon: 'tag',
    iconColor: 'green',
    defaultSort: { column: 'name', direction: 'asc' },
    search: ['name', 'slug'],
    columns: [
      { name: 'id', label: { en: 'ID', ko: 'ID' } },
      { name: 'name', label: { en: 'Name', ko: '이름' } },
      { name: 'slug', label: { en: 'Slug', ko: '슬러그' } },
    ],
  }),
  blog('post_tags', {
    title: { en: 'Post tags', ko: '게시물 태그' },
    singular: { en: 'Post tag', ko: '게시물 태그' },
    subtitle: { en: 'Which tag is on which post (composite key)', ko: '어느 게시물에 어느 태그가 붙었는지 (복합 키)' },
    icon: 'tag',
    iconColor: 'green',
    columns: [
      { name: 'post_id', label: { en: 'Post', ko: '게시물' } },
      { name: 'tag_id', label: { en: 'Tag', ko: '태그' } },
    ],
  }),
  blog('published_posts', {
    title: { en: 'Published posts', ko: '게시된 게시물' },
    singular: { en: 'Published post', ko: '게시된 게시물' },
    subtitle: { en: 'A view: read-only', ko: '뷰: 읽기 전용' },
    icon: 'file-text',
    defaultSort: { column: 'published_at', direction: 'desc' },
    list: ['id', 'title', 'author_id', 'word_count', 'published_at'],
    search: ['title', 'author_name'],
    // The view has no keys of its own: its id is the post's (and the database does not write through the join).
    columns: [
      { name: 'id', label: { en: 'ID', ko: 'ID' }, references: { resource: 'posts' } },
      { name: 'author_id', label: { en: 'Author', ko: '작성자' }, references: { resource: 'authors' } },
      { name: 'title', label: { en: 'Title', ko: '제목' } },
      { name: 'slug', label: { en: 'Slug', ko: '슬러그' } },
      { name: 'tags', label: { en: 'Tags', ko: '태그' } },
      { name: 'word_count', label: { en: 'Word count', ko: '단어 수' } },
      { name: 'published_at', label: { en: 'Published', ko: '게시일' } },
      { name: 'author_name', label: { en: 'Author name', ko: '작성자 이름' } },
      { name: 'author_email', label: { en: 'Author email', ko: '작성자 이메일' } },
    ],
  }),
];
