import * as React from 'react';
import { Link } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { articleEditPath } from '../constants';

/** A link to one article's edit view in the Content Manager (inside the admin, no page reload). */
export const ArticleLink = ({ documentId, children }: { documentId: string; children: React.ReactNode }) => (
  <Link tag={NavLink} to={articleEditPath(documentId)}>
    {children}
  </Link>
);
